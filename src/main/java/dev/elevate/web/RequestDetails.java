package dev.elevate.web;

import java.util.List;

import dev.elevate.approval.Approval;
import dev.elevate.audit.AuditEvent;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.grant.AccessGrant;
import dev.elevate.request.AccessRequest;

/** Everything one request's pages and API show; the grant is null until approval. */
public record RequestDetails(AccessRequest request, Entitlement entitlement,
        AccessPolicy policy, List<Approval> approvals, AccessGrant grant,
        List<AuditEvent> timeline) {
}
