package dev.elevate.request;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.EntitlementRepository;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;
import dev.elevate.notification.NotificationService;
import dev.elevate.scheduling.JobScheduler;

/** Submitting, cancelling and timing out access requests. */
@ApplicationScoped
public class RequestService {

    private static final Logger LOG = Logger.getLogger(RequestService.class);
    private static final String ONE_OPEN_INDEX = "access_request_one_open_per_entitlement";
    /** States in which a request still counts against "one open request per entitlement". */
    private static final EnumSet<RequestState> OPEN = EnumSet.of(RequestState.PENDING,
            RequestState.APPROVED, RequestState.ACTIVE, RequestState.REVOKING);

    @Inject
    AccessRequestRepository requests;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    VisibleRequests visible;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    NotificationService notifications;

    @Inject
    Clock clock;

    /** Validates the draft, stores a pending request and tells its approvers. */
    @Transactional
    public AccessRequest submit(RequestDraft draft, Caller caller, Actor actor) {
        Entitlement entitlement = RequestRules.isEntitlementKey(draft.entitlement())
                ? entitlements.findByKey(draft.entitlement()).orElse(null) : null;
        List<FieldViolation> violations = RequestRules.check(draft, entitlement);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        if (!entitlement.mayBeRequestedBy(caller)) {
            throw new NotEligibleException("You are not eligible to request " + entitlement.key);
        }
        if (requests.hasOpen(caller.subject(), entitlement.key, OPEN)) {
            throw alreadyOpen(entitlement);
        }

        AccessRequest request = AccessRequest.submit(entitlement, caller,
                RequestRules.parseDuration(draft.duration()), draft.justification().strip(),
                blankToNull(draft.ticket()), clock.instant());
        try {
            requests.persistAndFlush(request);
        } catch (PersistenceException e) {
            if (violates(e, ONE_OPEN_INDEX)) {
                throw alreadyOpen(entitlement); // a concurrent submission won the race
            }
            throw e;
        }
        audit.requestSubmitted(request, actor);
        jobs.timeOutRequest(request.id(), request.pendingUntil());
        notifications.requestSubmitted(request, entitlement);
        LOG.infof("request submitted: request=%s user=%s entitlement=%s duration=%s",
                request.id(), caller.username(), entitlement.key, request.duration());
        return request;
    }

    /** The requester withdraws a request nobody has decided yet; refusals are audited. */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public AccessRequest cancel(UUID requestId, Caller caller, Actor actor) {
        AccessRequest request = visible.lockFor(requestId, caller);
        if (!request.isRequestedBy(caller)) {
            throw refused(request, actor, new NotEligibleException(
                    "Only the requester may cancel a request"));
        }
        if (request.state() != RequestState.PENDING) {
            throw refused(request, actor, new RequestConflictException("Access request is "
                    + request.state() + "; only a PENDING request can be cancelled"));
        }
        request.cancel(clock.instant());
        audit.requestCancelled(request, actor);
        jobs.cancelTimeOut(requestId);
        LOG.infof("request cancelled: request=%s user=%s", requestId, caller.username());
        return request;
    }

    /** Ends a request whose pending window closed; a no-op for any that was decided. */
    @Transactional
    public void timeOut(UUID requestId) {
        AccessRequest request = requests.findForUpdate(requestId).orElse(null);
        if (request == null || request.state() != RequestState.PENDING) {
            return;
        }
        Instant now = clock.instant();
        if (!request.isPendingPast(now)) {
            jobs.timeOutRequest(requestId, request.pendingUntil());
            return;
        }
        request.timeOut(now);
        audit.requestTimedOut(request, Actor.scheduler());
        LOG.infof("request timed out: request=%s user=%s", requestId,
                request.requesterUsername());
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation
                    && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }

    private <E extends RuntimeException> E refused(AccessRequest request, Actor actor, E e) {
        audit.actionRefused(request, actor, "cancel", e.getMessage());
        LOG.warnf("cancel refused: request=%s by=%s reason=%s", request.id(), actor.username(),
                e.getMessage());
        return e;
    }

    private static RequestConflictException alreadyOpen(Entitlement entitlement) {
        return new RequestConflictException("You already have an open request for "
                + entitlement.key + "; cancel it or wait for it to end");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
