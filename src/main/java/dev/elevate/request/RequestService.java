package dev.elevate.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

import dev.elevate.audit.AuditTrail;
import dev.elevate.approval.policy.StepMatcher;
import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.ApprovalStep;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;
import dev.elevate.identity.directory.KeycloakDirectory;
import dev.elevate.identity.directory.Person;
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
    EntitlementCatalog catalog;

    @Inject
    KeycloakDirectory directory;

    @Inject
    Event<SubmittedRequest> submitted;

    @Inject
    VisibleRequests visible;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    Clock clock;

    /**
     * Validates the draft and checks the policy against Keycloak's current state; stores a
     * pending request and tells its approvers, or approves it at once through an auto-approval
     * rule or break-glass. Refusals are audited with their reasons, hence the
     * {@code dontRollbackOn}.
     */
    @Transactional(dontRollbackOn = NotEligibleException.class)
    public AccessRequest submit(RequestDraft draft, Caller caller, Actor actor) {
        Instant now = clock.instant();
        EntitlementCatalog.Offer offer = RequestRules.isEntitlementKey(draft.entitlement())
                ? catalog.offer(draft.entitlement()).orElse(null) : null;
        List<FieldViolation> violations = RequestRules.check(draft,
                offer == null ? null : offer.policy(), now);
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        AccessPolicy policy = offer.policy();
        Duration duration = RequestRules.parseDuration(draft.duration());
        List<String> refusals = refusals(draft, policy, caller);
        if (!refusals.isEmpty()) {
            audit.submissionRefused(actor, policy.entitlement(), offer.policyVersion(),
                    draft.breakGlass(), refusals);
            LOG.warnf("request refused: user=%s entitlement=%s reasons=%s", caller.username(),
                    policy.entitlement(), refusals);
            throw new NotEligibleException(refusals);
        }
        if (requests.hasOpen(caller.subject(), policy.entitlement(), OPEN)) {
            throw alreadyOpen(policy.entitlement());
        }

        AccessRequest request = AccessRequest.submit(policy.entitlement(), policy,
                offer.policyVersionId(), caller, duration, draft.justification().strip(),
                blankToNull(draft.ticket()), RequestRules.parseStart(draft.startsAt()), now);
        try {
            requests.persistAndFlush(request);
        } catch (PersistenceException e) {
            if (violates(e, ONE_OPEN_INDEX)) {
                throw alreadyOpen(policy.entitlement()); // a concurrent submission won the race
            }
            throw e;
        }
        audit.requestSubmitted(request, actor, offer.policyVersion(), draft.breakGlass());
        LOG.infof("request submitted: request=%s user=%s entitlement=%s duration=%s",
                request.id(), caller.username(), policy.entitlement(), request.duration());
        // Approval decides what happens next: wait for people, a rule, or break-glass.
        submitted.fire(new SubmittedRequest(request, offer, caller, actor, draft.breakGlass()));
        return request;
    }

    /**
     * What stops this person from requesting under this policy right now, judged by Keycloak's
     * current groups and roles rather than the token.
     */
    private List<String> refusals(RequestDraft draft, AccessPolicy policy, Caller caller) {
        List<String> reasons = new ArrayList<>();
        Optional<Person> person = directory.person(caller.subject());
        if (person.isEmpty() || !person.get().enabled()
                || !policy.requesters().includes(person.get().groups(), person.get().roles())) {
            reasons.add("You are not eligible to request " + policy.entitlement()
                    + ": it is for " + policy.requesters().describe());
        }
        if (draft.breakGlass() && !policy.breakGlass().allowed()) {
            reasons.add(policy.entitlement() + " does not allow break-glass access");
        }
        for (String held : conflictsHeld(caller.subject(), policy)) {
            reasons.add("Refused: you hold or have requested " + held + ", which conflicts with "
                    + policy.entitlement());
        }
        if (!draft.breakGlass() && reasons.isEmpty()) {
            unapprovable(policy, caller.subject()).ifPresent(reasons::add);
        }
        return reasons;
    }

    /** Open requests of this person for entitlements that conflict with this one, either way. */
    private List<String> conflictsHeld(String subject, AccessPolicy policy) {
        Set<String> open = requests.entitlementsOf(subject, OPEN);
        open.remove(policy.entitlement());
        return open.stream()
                .filter(key -> policy.conflicts().contains(key) || catalog.offer(key)
                        .map(o -> o.policy().conflicts().contains(policy.entitlement()))
                        .orElse(false))
                .sorted()
                .toList();
    }

    /** Why nobody but the requester could meet the steps, if that is so. */
    private Optional<String> unapprovable(AccessPolicy policy, String requester) {
        Map<String, Set<String>> candidates = new HashMap<>();
        Map<String, Integer> places = new LinkedHashMap<>();
        for (ApprovalStep step : policy.steps()) {
            places.put(step.name(), step.approvals());
            directory.members(step.approvers().groups(), step.approvers().roles()).keySet()
                    .stream()
                    .filter(subject -> !subject.equals(requester))
                    .forEach(subject -> candidates.computeIfAbsent(subject,
                            s -> new HashSet<>()).add(step.name()));
        }
        Map<String, Integer> filled = StepMatcher.filled(
                StepMatcher.assign(candidates, places), places);
        List<String> short1 = policy.steps().stream()
                .filter(s -> filled.get(s.name()) < s.approvals())
                .map(s -> s.name() + " needs " + s.approvals() + " from "
                        + s.approvers().describe() + " but only " + filled.get(s.name())
                        + " other than you can be counted")
                .toList();
        return short1.isEmpty() ? Optional.empty() : Optional.of("Nobody but you could approve "
                + "this request: " + String.join("; ", short1));
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

    private static RequestConflictException alreadyOpen(String entitlementKey) {
        return new RequestConflictException("You already have an open request for "
                + entitlementKey + "; cancel it or wait for it to end");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
