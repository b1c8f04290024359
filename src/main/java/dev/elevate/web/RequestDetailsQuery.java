package dev.elevate.web;

import java.util.LinkedHashMap;
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
        // One extension waits per grant at most, so each one stands for its request.
        Map<UUID, ExtensionDetails> pending = new LinkedHashMap<>();
        extensions.listPending(entitlementKeys)
                .forEach(e -> pending.put(e.requestId(), new ExtensionDetails(e, List.of())));
        Map<UUID, AccessRequest> found = pending.isEmpty() ? Map.of()
                : requests.list("id in ?1", List.copyOf(pending.keySet())).stream()
                        .collect(Collectors.toMap(AccessRequest::id, Function.identity()));
        return summaries(pending.keySet().stream().map(found::get).toList(),
                id -> List.of(pending.get(id)));
    }

    private List<RequestDetails> summaries(List<AccessRequest> list) {
        return summaries(list, id -> List.of());
    }

    private List<RequestDetails> summaries(List<AccessRequest> list,
            Function<UUID, List<ExtensionDetails>> extensionsOf) {
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
                        extensionsOf.apply(r.id()), List.of()))
                .toList();
    }
}
