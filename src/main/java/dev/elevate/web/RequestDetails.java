package dev.elevate.web;

import java.util.List;
import java.util.Optional;

import dev.elevate.approval.Approval;
import dev.elevate.audit.AuditEvent;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.grant.AccessGrant;
import dev.elevate.request.AccessRequest;

/**
 * Everything one request's pages and API show; the grant is null until approval. Lists of
 * many requests leave the timeline and extensions empty.
 */
public record RequestDetails(AccessRequest request, Entitlement entitlement,
        AccessPolicy policy, List<Approval> approvals, AccessGrant grant,
        List<ExtensionDetails> extensions, List<AuditEvent> timeline) {

    /** The extension waiting for approvers, if any. */
    public Optional<ExtensionDetails> pendingExtension() {
        return extensions.stream().filter(e -> e.extension().isPending()).findFirst();
    }
}
