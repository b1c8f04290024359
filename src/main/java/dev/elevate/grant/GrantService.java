package dev.elevate.grant;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.grant.connector.ConnectorException;
import dev.elevate.grant.connector.ConnectorRegistry;
import dev.elevate.grant.connector.GrantOrder;
import dev.elevate.identity.Actor;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.request.RequestConflictException;
import dev.elevate.request.RequestRules;
import dev.elevate.request.RequestState;
import dev.elevate.request.VisibleRequests;
import dev.elevate.scheduling.JobScheduler;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies and removes grants through connectors. Connector calls happen outside any database
 * transaction; each outcome then commits with its audit event, and failures are retried.
 *
 * <p>TODO: no reconciliation loop compares target systems with active grants yet; it would
 * also re-apply a shared role that a concurrent revocation of another grant removed.
 */
@ApplicationScoped
public class GrantService {

    public static final int REASON_MAX = 1000;
    private static final Logger LOG = Logger.getLogger(GrantService.class);

    @Inject
    AccessRequestRepository requests;

    @Inject
    AccessGrantRepository grants;

    @Inject
    VisibleRequests visible;

    @Inject
    ConnectorRegistry connectors;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    GrantConfig config;

    @Inject
    Instance<StartCheck> startChecks;

    @Inject
    PolicyCatalog policies;

    @Inject
    GrantExtensionService extensions;

    @Inject
    Clock clock;

    /** Called in the approval's transaction: records what to grant and schedules it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(AccessRequest request, Entitlement entitlement) {
        grants.persist(new AccessGrant(request.id(), entitlement.connector, entitlement.target,
                request.requesterSubject(), request.policyVersionId()));
        Instant now = clock.instant();
        Instant start = request.startsAt();
        jobs.activateGrant(request.id(), start != null && start.isAfter(now) ? start : now);
    }

    /** Grants an approved request; a failure is recorded and retried with backoff. */
    public void activate(UUID requestId) {
        GrantOrder order = QuarkusTransaction.requiringNew().call(() -> readyToGrant(requestId));
        if (order == null) {
            return;
        }
        try {
            connectors.get(order.connector()).grant(order);
        } catch (ConnectorException e) {
            QuarkusTransaction.requiringNew().run(() -> activationFailed(requestId, e));
            return;
        }
        boolean stillWanted = QuarkusTransaction.requiringNew().call(() -> activated(requestId));
        if (!stillWanted) {
            undoLateGrant(requestId, order);
        }
    }

    /**
     * The order to carry out, or null when there is nothing to do. A scheduled start comes
     * back early if the job fired ahead of time, and re-checks eligibility and approvers once
     * it is due: a failed check ends the request through a revocation instead.
     */
    private GrantOrder readyToGrant(UUID requestId) {
        AccessRequest request = requests.findForUpdate(requestId).orElse(null);
        if (request == null || request.state() != RequestState.APPROVED) {
            return null;
        }
        AccessGrant grant = grants.findById(requestId);
        Instant now = clock.instant();
        if (request.startsAt() != null && grant.attempts == 0) {
            if (now.isBefore(request.startsAt())) {
                jobs.activateGrant(requestId, request.startsAt()); // fired early: wait
                return null;
            }
            List<String> refusals = startChecks.stream()
                    .flatMap(check -> check.refusals(request).stream())
                    .toList();
            if (!refusals.isEmpty()) {
                request.startRevocation();
                grant.endReason = AccessGrant.EndReason.START_REFUSED;
                grant.revocationStartedAt = now;
                audit.scheduledStartRefused(request, refusals);
                jobs.revokeGrant(requestId, now);
                LOG.warnf("scheduled start refused: request=%s reasons=%s", requestId, refusals);
                return null;
            }
        }
        return grant.order();
    }

    /** Ends a grant that is due or was revoked early; retries until the connector confirms. */
    public void revoke(UUID requestId) {
        GrantOrder order = QuarkusTransaction.requiringNew().call(() -> startRevocation(requestId));
        if (order == null) {
            return;
        }
        try {
            connectors.get(order.connector()).revoke(order);
        } catch (ConnectorException e) {
            QuarkusTransaction.requiringNew().run(() -> revocationFailed(requestId, e));
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> revoked(requestId));
    }

    /** A person ends access before its time: the requester, or an admin; refusals are audited. */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public AccessRequest revokeEarly(UUID requestId, Caller caller, Actor actor, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() > REASON_MAX || RequestRules.hasControlCharacters(why)) {
            throw new InvalidRequestException(List.of(new FieldViolation("reason",
                    "must be at most " + REASON_MAX + " characters, without control characters")));
        }
        AccessRequest request = visible.lockFor(requestId, caller);
        if (!request.isRequestedBy(caller) && !caller.hasRole(AppRole.ADMIN)) {
            throw refused(request, actor, new NotEligibleException(
                    "Only the requester or an admin may revoke this access"));
        }
        if (request.state() != RequestState.ACTIVE && request.state() != RequestState.APPROVED) {
            throw refused(request, actor, new RequestConflictException("Access request is "
                    + request.state() + "; only APPROVED or ACTIVE access can be revoked"));
        }
        AccessGrant grant = grants.findById(requestId);
        request.startRevocation();
        extensions.expirePending(request, actor, "the access was ended early");
        grant.endReason = AccessGrant.EndReason.EARLY;
        grant.endedBy = actor.username();
        grant.revocationStartedAt = clock.instant();
        grant.succeeded();
        audit.grantRevocationRequested(request, actor, why);
        jobs.revokeGrant(requestId, clock.instant());
        LOG.infof("revocation requested: request=%s by=%s", requestId, actor.username());
        return request;
    }

    public AccessGrant grantOf(UUID requestId) {
        return grants.findById(requestId);
    }

    /** Records a confirmed grant; false when the request ended meanwhile and it must be undone. */
    private boolean activated(UUID requestId) {
        AccessRequest request = requests.findForUpdate(requestId).orElseThrow();
        AccessGrant grant = grants.findById(requestId);
        Instant now = clock.instant();
        if (request.state() == RequestState.REVOKING) {
            // Revoked while the connector was granting: the role is there now, so say so, and
            // make sure the removal runs after us.
            grant.activatedAt = now;
            audit.grantActivated(request, grant.connector, grant.target, now);
            jobs.revokeGrant(requestId, now);
            return true;
        }
        if (request.state() != RequestState.APPROVED) {
            return !request.state().isTerminal();
        }
        request.activate();
        grant.succeeded();
        grant.activatedAt = now;
        // The duration counts from the moment the target confirmed the grant.
        grant.expiresAt = now.plus(request.duration());
        audit.grantActivated(request, grant.connector, grant.target, grant.expiresAt);
        jobs.revokeGrant(requestId, grant.expiresAt);
        LOG.infof("grant activated: request=%s user=%s target=%s expiresAt=%s", requestId,
                request.requesterUsername(), grant.target, grant.expiresAt);
        return true;
    }

    /**
     * The target confirmed a grant for a request that has ended since (possible only when a
     * cluster node was declared dead mid-call): take it away again at once.
     */
    private void undoLateGrant(UUID requestId, GrantOrder order) {
        boolean heldElsewhere = QuarkusTransaction.requiringNew().call(() -> {
            AccessGrant grant = grants.findById(requestId);
            grants.lockTarget(grant);
            return !grants.otherActiveHolders(grant).isEmpty();
        });
        String outcome = "removed";
        if (!heldElsewhere) {
            try {
                connectors.get(order.connector()).revoke(order);
            } catch (ConnectorException e) {
                outcome = "removal failed: " + e.getMessage();
                LOG.errorf("late grant could not be undone: request=%s target=%s error=%s",
                        requestId, order.target(), e.getMessage());
            }
        } else {
            outcome = "kept: another active grant holds it";
        }
        String result = outcome;
        QuarkusTransaction.requiringNew().run(() -> audit.grantAppliedAfterEnd(
                requests.findById(requestId), order.connector(), order.target(), result));
    }

    private void activationFailed(UUID requestId, ConnectorException e) {
        AccessRequest request = requests.findForUpdate(requestId).orElseThrow();
        AccessGrant grant = grants.findById(requestId);
        if (request.state() != RequestState.APPROVED) {
            return;
        }
        int attempt = grant.attempts + 1;
        Instant next = attempt < config.activationAttempts() ? retryAt(attempt) : null;
        grant.failed(e.getMessage(), next);
        audit.grantActivationFailed(request, attempt, e.getMessage(), next);
        if (next != null) {
            jobs.activateGrant(requestId, next);
            LOG.warnf("grant failed, will retry: request=%s attempt=%d next=%s error=%s",
                    requestId, attempt, next, e.getMessage());
            return;
        }
        // Give up, but end the request through a revocation: a call that timed out may have
        // applied the role after all.
        request.startRevocation();
        grant.endReason = AccessGrant.EndReason.ACTIVATION_FAILED;
        grant.revocationStartedAt = clock.instant();
        grant.succeeded();
        audit.grantRevocationStarted(request, "activation failed " + attempt + " times");
        jobs.revokeGrant(requestId, clock.instant());
        LOG.errorf("grant failed, attempts exhausted, ending the request: request=%s "
                + "attempt=%d error=%s", requestId, attempt, e.getMessage());
    }

    private GrantOrder startRevocation(UUID requestId) {
        AccessRequest request = requests.findForUpdate(requestId).orElse(null);
        if (request == null) {
            return null;
        }
        AccessGrant grant = grants.findById(requestId);
        Instant now = clock.instant();
        if (request.state() == RequestState.ACTIVE) {
            if (now.isBefore(grant.expiresAt)) {
                jobs.revokeGrant(requestId, grant.expiresAt); // fired early: wait for the end
                return null;
            }
            request.startRevocation();
            extensions.expirePending(request, Actor.scheduler(),
                    "the access ran out before approvers decided");
            grant.endReason = AccessGrant.EndReason.EXPIRY;
            grant.revocationStartedAt = now;
            audit.grantRevocationStarted(request, "expiry");
        }
        if (request.state() != RequestState.REVOKING) {
            return null;
        }
        grants.lockTarget(grant);
        List<UUID> holders = grants.otherActiveHolders(grant);
        if (!holders.isEmpty()) {
            // Another active grant gives the same access: removing it would cut that one short.
            endRevocation(request, grant, now, holders);
            return null;
        }
        return grant.order();
    }

    private void revocationFailed(UUID requestId, ConnectorException e) {
        AccessRequest request = requests.findForUpdate(requestId).orElseThrow();
        AccessGrant grant = grants.findById(requestId);
        int attempt = grant.attempts + 1;
        Instant next = retryAt(attempt);
        grant.failed(e.getMessage(), next);
        audit.grantRevocationFailed(request, attempt, e.getMessage(), next);
        jobs.revokeGrant(requestId, next);
        LOG.warnf("revocation failed, will retry: request=%s attempt=%d next=%s error=%s",
                requestId, attempt, next, e.getMessage());
    }

    private void revoked(UUID requestId) {
        AccessRequest request = requests.findForUpdate(requestId).orElseThrow();
        if (request.state() == RequestState.REVOKING) {
            endRevocation(request, grants.findById(requestId), clock.instant(), List.of());
        }
    }

    private void endRevocation(AccessRequest request, AccessGrant grant, Instant now,
            List<UUID> stillHeldFor) {
        boolean early = grant.endReason != AccessGrant.EndReason.EXPIRY;
        request.finishRevocation(early, now);
        grant.succeeded();
        grant.revokedAt = now;
        audit.grantEnded(request, early, grant.connector, grant.target, stillHeldFor);
        LOG.infof("grant ended: request=%s user=%s target=%s state=%s keptFor=%s", request.id(),
                request.requesterUsername(), grant.target, request.state(), stillHeldFor);
    }

    private <E extends RuntimeException> E refused(AccessRequest request, Actor actor, E e) {
        return refused(request, actor, "revoke", e);
    }

    private <E extends RuntimeException> E refused(AccessRequest request, Actor actor,
            String action, E e) {
        audit.actionRefused(request, actor, action, e.getMessage());
        LOG.warnf("%s refused: request=%s by=%s reason=%s", action, request.id(),
                actor.username(), e.getMessage());
        return e;
    }

    private Instant retryAt(int failures) {
        return clock.instant().plus(Backoff.after(failures, config.retryInitialBackoff(),
                config.retryMaxBackoff()));
    }
}
