package dev.elevate.grant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.elevate.audit.AuditEventType;
import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.policy.ExtensionRule;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;
import dev.elevate.notification.NotificationService;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.request.RequestConflictException;
import dev.elevate.request.RequestRules;
import dev.elevate.request.RequestState;
import dev.elevate.request.VisibleRequests;
import dev.elevate.scheduling.JobScheduler;

/**
 * More time on active grants: asked for by the requester, let through at once or decided by
 * approvers (see {@code ApprovalService.decideExtension}), and ended with the grant. Whatever
 * happens, the grant keeps exactly one revoke job, at its current end.
 *
 * <p>TODO: extensions that need no approval may stretch an auto-approved grant past its rule's
 * {@code maxDuration}, up to the policy's {@code totalMax}; a rule-level cap would close that.
 */
@ApplicationScoped
public class GrantExtensionService {

    /** Beyond any policy's cap; keeps the arithmetic on instants far from overflowing. */
    private static final Duration LONGEST_EXTENSION = Duration.ofDays(366);
    private static final Logger LOG = Logger.getLogger(GrantExtensionService.class);

    @Inject
    AccessGrantRepository grants;

    @Inject
    GrantExtensionRepository extensions;

    @Inject
    VisibleRequests visible;

    @Inject
    PolicyCatalog policies;

    @Inject
    NotificationService notifications;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    Clock clock;

    /**
     * The requester asks for more time on an active grant, within the policy's limits (count
     * and total length). Without an approval rule the end moves at once, and the one revoke job
     * moves with it; otherwise the extension waits for approvers, who are told on Slack.
     * Refusals are audited.
     */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public GrantExtension extend(UUID requestId, String duration, String reason, Caller caller,
            Actor actor) {
        String why = reason == null ? "" : reason.strip();
        Duration more = checkExtension(duration, why);
        AccessRequest request = visible.lockFor(requestId, caller);
        if (!request.isRequestedBy(caller)) {
            throw refused(request, actor, "extend", new NotEligibleException(
                    "Only the requester may ask to extend their access"));
        }
        if (request.state() != RequestState.ACTIVE) {
            throw refused(request, actor, "extend", new RequestConflictException(
                    "Access request is " + request.state() + "; only ACTIVE access can be "
                            + "extended"));
        }
        if (extensions.pendingFor(requestId).isPresent()) {
            throw refused(request, actor, "extend", new RequestConflictException(
                    "An extension is already waiting for approvers; withdraw it first"));
        }
        AccessGrant grant = grants.findById(requestId);
        if (!clock.instant().isBefore(grant.expiresAt)) {
            // The revoke job is due or running late: the access is over, whatever the state.
            throw refused(request, actor, "extend", new RequestConflictException(
                    "The access ran out at " + grant.expiresAt + " and is being ended"));
        }
        ExtensionRule rule = policies.policy(request.policyVersionId()).extensions();
        String refusal = grant.extensionRefusal(rule, more);
        if (refusal != null) {
            throw refused(request, actor, "extend", new NotEligibleException(refusal));
        }
        GrantExtension extension = new GrantExtension(requestId, more, why, actor.username(),
                clock.instant());
        extensions.persist(extension);
        if (rule.requiresApproval()) {
            audit.extensionRequested(request, actor, extension.id(), more.toString(), why);
            notifications.extensionRequested(request, more, why, grant.expiresAt);
            LOG.infof("extension requested: request=%s by=%s for=%s", requestId,
                    actor.username(), more);
        } else {
            applyExtension(request, grant, extension, actor, List.of());
        }
        return extension;
    }

    /**
     * Applies an extension its approvers completed, in their transaction. The request must
     * still be active: the caller holds its lock, and checked that.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void extensionApproved(AccessRequest request, GrantExtension extension, Actor actor,
            List<String> approvers) {
        AccessGrant grant = grants.findById(request.id());
        String refusal = grant.extensionRefusal(
                policies.policy(request.policyVersionId()).extensions(), extension.duration());
        if (refusal != null) {
            // Cannot happen while one extension waits at a time; fail loudly rather than
            // stretch the grant past its policy.
            throw new IllegalStateException(refusal);
        }
        applyExtension(request, grant, extension, actor, approvers);
    }

    /** Ends a pending extension without applying it: denied or withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void closeExtension(AccessRequest request, GrantExtension extension,
            GrantExtension.State outcome, Actor actor, String comment) {
        extension.close(outcome, clock.instant());
        audit.extensionClosed(outcome == GrantExtension.State.DENIED
                ? AuditEventType.EXTENSION_DENIED : AuditEventType.EXTENSION_WITHDRAWN,
                request, actor, extension.id(), comment);
        LOG.infof("extension %s: request=%s by=%s", outcome, request.id(), actor.username());
    }

    /** The requester takes back an extension that still waits for approvers. */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public void withdrawExtension(UUID requestId, UUID extensionId, Caller caller, Actor actor) {
        AccessRequest request = visible.lockFor(requestId, caller);
        GrantExtension extension = extensionOf(request, extensionId);
        if (!request.isRequestedBy(caller)) {
            throw refused(request, actor, "withdraw-extension",
                    new NotEligibleException("Only the requester may withdraw their extension"));
        }
        if (!extension.isPending()) {
            throw refused(request, actor, "withdraw-extension",
                    new RequestConflictException("The extension is " + extension.state()
                            + "; only a pending one can be withdrawn"));
        }
        closeExtension(request, extension, GrantExtension.State.WITHDRAWN, actor, "");
    }

    /** The extension of this request, or not found: ids from another request are not shown. */
    public GrantExtension extensionOf(AccessRequest request, UUID extensionId) {
        GrantExtension extension = extensionId == null ? null : extensions.findById(extensionId);
        if (extension == null || !extension.requestId().equals(request.id())) {
            throw new ExtensionNotFoundException(request.id(), extensionId);
        }
        return extension;
    }

    private static Duration checkExtension(String duration, String why) {
        List<FieldViolation> violations = new ArrayList<>();
        Duration more;
        try {
            more = duration == null ? null : Duration.parse(duration.strip());
        } catch (DateTimeParseException e) {
            more = null;
        }
        if (more == null || more.isNegative() || more.isZero() || more.getNano() != 0
                || more.compareTo(LONGEST_EXTENSION) > 0) {
            violations.add(new FieldViolation("duration", "must be a positive ISO-8601 "
                    + "duration in whole seconds, at most " + LONGEST_EXTENSION
                    + ", such as PT30M"));
        }
        if (why.length() < RequestRules.JUSTIFICATION_MIN
                || why.length() > GrantService.REASON_MAX
                || RequestRules.hasControlCharacters(why)) {
            violations.add(new FieldViolation("reason", "must be "
                    + RequestRules.JUSTIFICATION_MIN + " to " + GrantService.REASON_MAX
                    + " characters, without control characters"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        return more;
    }

    private void applyExtension(AccessRequest request, AccessGrant grant,
            GrantExtension extension, Actor actor, List<String> approvers) {
        Instant until = grant.expiresAt.plus(extension.duration());
        grant.expiresAt = until;
        grant.extensions++;
        extension.apply(until, clock.instant());
        audit.grantExtended(request, actor, extension.id(), extension.duration().toString(),
                until, grant.extensions, extension.reason(), approvers);
        jobs.revokeGrant(request.id(), until); // replaces the revoke job: still only one
        LOG.infof("grant extended: request=%s by=%s until=%s", request.id(), actor.username(),
                until);
    }

    /** A grant that ends takes its waiting extension with it; in the revocation's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expirePending(AccessRequest request, Actor actor, String why) {
        extensions.pendingFor(request.id()).ifPresent(extension -> {
            extension.close(GrantExtension.State.EXPIRED, clock.instant());
            audit.extensionClosed(AuditEventType.EXTENSION_EXPIRED, request, actor,
                    extension.id(), why);
        });
    }

    private <E extends RuntimeException> E refused(AccessRequest request, Actor actor,
            String action, E e) {
        audit.actionRefused(request, actor, action, e.getMessage());
        LOG.warnf("%s refused: request=%s by=%s reason=%s", action, request.id(),
                actor.username(), e.getMessage());
        return e;
    }
}
