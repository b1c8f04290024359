package dev.elevate.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.elevate.identity.Actor;
import dev.elevate.request.AccessRequest;

/**
 * Records facts about access requests. Each method joins the caller's transaction, and refuses
 * to run without one, so a state change and its record commit or fail together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AuditTrail {

    @Inject
    AuditEventRepository events;

    @Inject
    Clock clock;

    /**
     * @param breakGlass an emergency self-activation: no approvals are waited for, and the
     *     entry says so instead of the policy's usual count
     */
    public void requestSubmitted(AccessRequest request, Actor actor, int policyVersion,
            boolean breakGlass) {
        record(AuditEventType.REQUEST_SUBMITTED, request, actor, details(
                "duration", request.duration().toString(),
                "justification", request.justification(),
                "ticket", request.ticket(),
                "startsAt", request.startsAt() == null ? null : request.startsAt().toString(),
                "pendingUntil", breakGlass ? null : request.pendingUntil().toString(),
                "requiredApprovals", breakGlass ? null : request.requiredApprovals(),
                "breakGlass", breakGlass ? Boolean.TRUE : null,
                "policyVersion", policyVersion));
    }

    /** A submission the policy refused: no request was stored, so the event names none. */
    public void submissionRefused(Actor actor, String entitlementKey, int policyVersion,
            boolean breakGlass, List<String> reasons) {
        recordAbout(AuditEventType.REQUEST_REFUSED, actor, entitlementKey, actor.username(),
                details("reasons", reasons, "policyVersion", policyVersion,
                        "breakGlass", breakGlass ? Boolean.TRUE : null));
    }

    public void requestAutoApproved(AccessRequest request, Actor rule, String ruleName) {
        record(AuditEventType.REQUEST_AUTO_APPROVED, request, rule, details(
                "rule", ruleName,
                "approvers", List.of(rule.username()),
                "duration", request.duration().toString()));
    }

    public void breakGlassActivated(AccessRequest request, Actor actor, String reason,
            Instant reviewDue) {
        record(AuditEventType.BREAK_GLASS_ACTIVATED, request, actor, details(
                "reason", reason,
                "reviewDue", reviewDue.toString()));
    }

    public void breakGlassReviewed(AccessRequest request, Actor actor, String outcome,
            String comment, boolean late) {
        record(AuditEventType.BREAK_GLASS_REVIEWED, request, actor, details(
                "outcome", outcome,
                "comment", comment,
                "late", late));
    }

    public void breakGlassReviewOverdue(AccessRequest request, Instant due) {
        record(AuditEventType.BREAK_GLASS_REVIEW_OVERDUE, request, Actor.scheduler(),
                details("reviewDue", due.toString()));
    }

    public void scheduledStartRefused(AccessRequest request, List<String> reasons) {
        record(AuditEventType.START_REFUSED, request, Actor.scheduler(),
                details("reasons", reasons));
    }

    /** The requester asked for more time; approvers decide it under {@code extension}. */
    public void extensionRequested(AccessRequest request, Actor actor, UUID extension,
            String by, String reason) {
        record(AuditEventType.EXTENSION_REQUESTED, request, actor, details(
                "extensionId", extension.toString(),
                "extendedBy", by,
                "reason", reason));
    }

    /**
     * @param approvers who approved the extension; empty when the policy let it through
     */
    public void grantExtended(AccessRequest request, Actor actor, UUID extension, String by,
            Instant expiresAt, int count, String reason, List<String> approvers) {
        record(AuditEventType.GRANT_EXTENDED, request, actor, details(
                "extensionId", extension.toString(),
                "extendedBy", by,
                "expiresAt", expiresAt.toString(),
                "extension", count,
                "reason", reason,
                "approvers", approvers.isEmpty() ? null : approvers));
    }

    /** A pending extension ended without applying: denied, withdrawn, or outlived by its grant. */
    public void extensionClosed(AuditEventType type, AccessRequest request, Actor actor,
            UUID extension, String comment) {
        record(type, request, actor, details(
                "extensionId", extension.toString(),
                "comment", comment));
    }

    /** A policy change was proposed, confirmed, rejected, withdrawn, or refused. */
    public void policyChange(AuditEventType type, Actor actor, String entitlementKey,
            Map<String, Object> details) {
        recordAbout(type, actor, entitlementKey, null, details);
    }

    public void requestCancelled(AccessRequest request, Actor actor) {
        record(AuditEventType.REQUEST_CANCELLED, request, actor, Map.of());
    }

    public void requestTimedOut(AccessRequest request, Actor actor) {
        record(AuditEventType.REQUEST_TIMED_OUT, request, actor,
                details("pendingUntil", request.pendingUntil().toString()));
    }

    public void approvalRecorded(AccessRequest request, Actor actor, String comment,
            int approvalsGiven, Collection<String> countsFor, UUID extension) {
        record(AuditEventType.APPROVAL_RECORDED, request, actor, details(
                "extensionId", extension == null ? null : extension.toString(),
                "comment", comment,
                "step", String.join(",", countsFor),
                "approvalsGiven", approvalsGiven,
                "approvalsRequired", request.requiredApprovals()));
    }

    public void requestApproved(AccessRequest request, Actor actor, List<String> approvers) {
        record(AuditEventType.REQUEST_APPROVED, request, actor, details(
                "approvers", approvers,
                "duration", request.duration().toString()));
    }

    public void requestDenied(AccessRequest request, Actor actor, String comment) {
        record(AuditEventType.REQUEST_DENIED, request, actor, details("comment", comment));
    }

    public void decisionRefused(AccessRequest request, Actor actor, String decision,
            List<String> reasons, String acr, UUID extension) {
        record(AuditEventType.DECISION_REFUSED, request, actor, details(
                "extensionId", extension == null ? null : extension.toString(),
                "decision", decision,
                "reasons", reasons,
                "acr", acr));
    }

    /** Someone who may see the request tried to cancel or revoke it and was refused. */
    public void actionRefused(AccessRequest request, Actor actor, String action, String reason) {
        record(AuditEventType.ACTION_REFUSED, request, actor, details(
                "action", action,
                "reason", reason));
    }

    public void grantActivated(AccessRequest request, String connector, String target,
            Instant expiresAt) {
        record(AuditEventType.GRANT_ACTIVATED, request, Actor.scheduler(), details(
                "connector", connector,
                "target", target,
                "expiresAt", expiresAt.toString()));
    }

    public void grantActivationFailed(AccessRequest request, int attempt, String error,
            Instant nextAttemptAt) {
        record(AuditEventType.GRANT_ACTIVATION_FAILED, request, Actor.scheduler(), details(
                "attempt", attempt,
                "error", error,
                "nextAttemptAt", nextAttemptAt == null ? "none: attempts exhausted"
                        : nextAttemptAt.toString()));
    }

    /** The target confirmed a grant after its request had ended; {@code outcome} says what then. */
    public void grantAppliedAfterEnd(AccessRequest request, String connector, String target,
            String outcome) {
        record(AuditEventType.GRANT_APPLIED_AFTER_END, request, Actor.scheduler(), details(
                "connector", connector, "target", target, "outcome", outcome));
    }

    public void grantRevocationRequested(AccessRequest request, Actor actor, String reason) {
        record(AuditEventType.GRANT_REVOCATION_REQUESTED, request, actor,
                details("reason", reason.isEmpty() ? null : reason));
    }

    public void grantRevocationStarted(AccessRequest request, String reason) {
        record(AuditEventType.GRANT_REVOCATION_STARTED, request, Actor.scheduler(),
                details("reason", reason));
    }

    public void grantRevocationFailed(AccessRequest request, int attempt, String error,
            Instant nextAttemptAt) {
        record(AuditEventType.GRANT_REVOCATION_FAILED, request, Actor.scheduler(), details(
                "attempt", attempt,
                "error", error,
                "nextAttemptAt", nextAttemptAt.toString()));
    }

    /** The grant ended; {@code stillHeldFor} names other active requests that keep the access. */
    public void grantEnded(AccessRequest request, boolean early, String connector, String target,
            List<UUID> stillHeldFor) {
        record(early ? AuditEventType.GRANT_REVOKED : AuditEventType.GRANT_EXPIRED, request,
                Actor.scheduler(), details("connector", connector, "target", target,
                        "keptForRequests", stillHeldFor.isEmpty() ? null
                                : stillHeldFor.stream().map(Object::toString).toList()));
    }

    public void notificationSent(AccessRequest request, String channel, long messageId) {
        record(AuditEventType.NOTIFICATION_SENT, request, Actor.scheduler(),
                details("channel", channel, "messageId", messageId));
    }

    public void notificationFailed(AccessRequest request, String channel, long messageId,
            String error) {
        record(AuditEventType.NOTIFICATION_FAILED, request, Actor.scheduler(),
                details("channel", channel, "messageId", messageId, "error", error));
    }

    private void record(AuditEventType type, AccessRequest request, Actor actor,
            Map<String, Object> details) {
        AuditEvent event = event(type, actor, request.entitlementKey(), details);
        event.requestId = request.id();
        event.requesterUsername = request.requesterUsername();
        events.persist(event);
    }

    private void recordAbout(AuditEventType type, Actor actor, String entitlementKey,
            String requesterUsername, Map<String, Object> details) {
        AuditEvent event = event(type, actor, entitlementKey, details);
        event.requesterUsername = requesterUsername;
        events.persist(event);
    }

    private AuditEvent event(AuditEventType type, Actor actor, String entitlementKey,
            Map<String, Object> details) {
        AuditEvent event = new AuditEvent();
        event.occurredAt = clock.instant();
        event.type = type.code();
        event.actorSubject = actor.subject();
        event.actorUsername = actor.username();
        event.channel = actor.channel().code();
        event.entitlementKey = entitlementKey;
        event.details = details;
        return event;
    }

    /** Key-value pairs in order; null values are left out rather than stored as null. */
    public static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
