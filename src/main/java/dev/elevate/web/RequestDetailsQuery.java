package dev.elevate.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.elevate.approval.Approval;
import dev.elevate.approval.ApprovalRepository;
import dev.elevate.audit.AuditEventRepository;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.EntitlementRepository;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.grant.AccessGrant;
import dev.elevate.grant.AccessGrantRepository;
import dev.elevate.grant.GrantExtension;
import dev.elevate.grant.GrantExtensionRepository;
import dev.elevate.identity.Caller;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.request.RequestNotFoundException;
import dev.elevate.request.RequestVisibility;

/** Reads requests for display, hiding those the caller may not see. Changes nothing. */
@ApplicationScoped
public class RequestDetailsQuery {

    @Inject
    AccessRequestRepository requests;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    ApprovalRepository approvals;

    @Inject
    PolicyCatalog policies;

    @Inject
    AccessGrantRepository grants;

    @Inject
    GrantExtensionRepository extensions;

    @Inject
    AuditEventRepository audit;

    @Transactional
    public RequestDetails visibleTo(UUID id, Caller caller) {
        AccessRequest request = id == null ? null : requests.findById(id);
        if (request == null) {
            throw new RequestNotFoundException();
        }
        Entitlement entitlement = entitlements.findById(request.entitlementKey());
        AccessPolicy policy = policies.policy(request.policyVersionId());
        if (!RequestVisibility.canView(request, policy, caller)) {
            throw new RequestNotFoundException();
        }
        Map<UUID, List<Approval>> onExtensions = approvals.listForExtensionsOf(id);
        List<ExtensionDetails> extended = extensions.listFor(id).stream()
                .map(e -> new ExtensionDetails(e,
                        onExtensions.getOrDefault(e.id(), List.of())))
                .toList();
        return new RequestDetails(request, entitlement, policy, approvals.listFor(id),
                grants.findById(id), extended, audit.timeline(id));
    }

    /** The caller's own requests, newest first, each with its grant if any. */
    @Transactional
    public List<RequestDetails> mine(Caller caller) {
        return summaries(requests.listByRequester(caller.subject()));
    }

    /** Pending requests the caller could decide on (their own included, to show as theirs). */
    @Transactional
    public List<RequestDetails> inbox(List<String> entitlementKeys) {
        return summaries(requests.listPendingFor(entitlementKeys));
    }

    /** Active grants of these entitlements whose extension waits for approvers. */
    @Transactional
    public List<RequestDetails> extensionInbox(List<String> entitlementKeys) {
        List<UUID> pending = extensions.withPending(entitlementKeys);
        Map<UUID, AccessRequest> found = pending.isEmpty() ? Map.of()
                : requests.list("id in ?1", pending).stream()
                        .collect(Collectors.toMap(AccessRequest::id, Function.identity()));
        List<AccessRequest> waiting = pending.stream().map(found::get).toList();
        List<UUID> ids = waiting.stream().map(AccessRequest::id).toList();
        Map<UUID, List<GrantExtension>> byRequest = extensions.listFor(ids);
        return summaries(waiting).stream()
                .map(d -> new RequestDetails(d.request(), d.entitlement(), d.policy(),
                        d.approvals(), d.grant(), byRequest.getOrDefault(d.request().id(),
                                List.of()).stream()
                                .filter(GrantExtension::isPending)
                                .map(e -> new ExtensionDetails(e, List.of()))
                                .toList(), List.of()))
                .toList();
    }

    private List<RequestDetails> summaries(List<AccessRequest> list) {
        List<UUID> ids = list.stream().map(AccessRequest::id).toList();
        Map<UUID, AccessGrant> grantsById = grants.listFor(ids).stream()
                .collect(Collectors.toMap(g -> g.requestId, Function.identity()));
        Map<UUID, List<Approval>> approvalsById = approvals.listFor(ids);
        Map<String, Entitlement> catalog = entitlements.listAll().stream()
                .collect(Collectors.toMap(e -> e.key, Function.identity()));
        return list.stream()
                .map(r -> new RequestDetails(r, catalog.get(r.entitlementKey()),
                        policies.policy(r.policyVersionId()),
                        approvalsById.getOrDefault(r.id(), List.of()), grantsById.get(r.id()),
                        List.of(), List.of()))
                .toList();
    }
}
