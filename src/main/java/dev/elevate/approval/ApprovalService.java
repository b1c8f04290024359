package dev.elevate.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.elevate.approval.policy.ApprovalPolicy;
import dev.elevate.approval.policy.Ballot;
import dev.elevate.approval.policy.Decider;
import dev.elevate.approval.policy.PolicyCheck;
import dev.elevate.approval.policy.PolicyEvaluation;
import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.EntitlementRepository;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.grant.AccessGrant;
import dev.elevate.grant.GrantExtension;
import dev.elevate.grant.GrantExtensionService;
import dev.elevate.grant.GrantService;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;
import dev.elevate.identity.directory.KeycloakDirectory;
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

/** Approvers' decisions, each checked against the policy at the moment it is made. */
@ApplicationScoped
public class ApprovalService {

    public static final int COMMENT_MAX = 1000;
    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    /** States in which a person holds, or is about to hold, an entitlement. */
    private static final EnumSet<RequestState> HOLDING = EnumSet.of(RequestState.APPROVED,
            RequestState.ACTIVE, RequestState.REVOKING);

    @Inject
    AccessRequestRepository requests;

    @Inject
    PolicyCatalog policies;

    @Inject
    KeycloakDirectory directory;

    @Inject
    ApprovalConfig config;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    VisibleRequests visible;

    @Inject
    ApprovalRepository approvals;

    @Inject
    GrantService grants;

    @Inject
    GrantExtensionService extensions;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    Clock clock;

    /**
     * What the policy says about this caller deciding a request now and, if one waits, the
     * extension of its grant; {@code extension} is null when there is none. Keycloak is asked
     * about the caller once, for both.
     */
    public record Review(PolicyEvaluation request, PolicyEvaluation extension) {
    }

    /** The rules for the review page and the API, read live; changes nothing. */
    @Transactional
    public Review evaluate(AccessRequest request, GrantExtension pending, Caller caller) {
        AccessPolicy policy = policies.policy(request.policyVersionId());
        Decider decider = decider(caller);
        Instant now = clock.instant();
        PolicyEvaluation onRequest = ApprovalPolicy.evaluate(request, policy,
                approvals.listFor(request.id()), decider, now, config.stepUpAcr());
        PolicyEvaluation onExtension = pending == null ? null
                : ApprovalPolicy.evaluate(ballot(request, pending), policy,
                        approvals.listForExtension(pending.id()), decider, now,
                        config.stepUpAcr());
        return new Review(onRequest, onExtension);
    }

    /**
     * Records one decision, checked against Keycloak's state at this moment. Refusals and late
     * decisions commit their audit event (and the time-out) even though the caller gets an
     * error, hence the {@code dontRollbackOn}.
     */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class,
            StepUpRequiredException.class})
    public AccessRequest decide(UUID requestId, Decision decision, String comment, Caller caller,
            Actor actor) {
        String text = comment == null ? "" : comment.strip();
        checkComment(decision, text);
        AccessRequest request = visible.lockFor(requestId, caller);
        Instant now = clock.instant();
        if (request.isPendingPast(now)) {
            request.timeOut(now);
            audit.requestTimedOut(request, Actor.scheduler());
            jobs.cancelTimeOut(requestId);
            throw new RequestConflictException("Too late: the pending window closed at "
                    + request.pendingUntil() + " and the request has timed out");
        }

        AccessPolicy policy = policies.policy(request.policyVersionId());
        List<Approval> cast = approvals.listFor(requestId);
        PolicyEvaluation evaluation = ApprovalPolicy.evaluate(request, policy, cast,
                decider(caller), now, config.stepUpAcr());
        checkAllowed(request, null, policy, evaluation, decision, caller, actor);

        record(new Approval(requestId, actor, decision, text, now,
                evaluation.memberOf()), policy, caller);
        if (decision == Decision.DENY) {
            deny(request, actor, text, now);
        } else {
            approve(request, cast, actor, text, evaluation, now);
        }
        return request;
    }

    /**
     * Records one decision on an extension of an active grant: the same steps, people and
     * rules as the request, counted afresh. The last approval moves the grant's end.
     */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class,
            StepUpRequiredException.class})
    public GrantExtension decideExtension(UUID requestId, UUID extensionId, Decision decision,
            String comment, Caller caller, Actor actor) {
        String text = comment == null ? "" : comment.strip();
        checkComment(decision, text);
        AccessRequest request = visible.lockFor(requestId, caller);
        GrantExtension extension = extensions.extensionOf(request, extensionId);
        AccessPolicy policy = policies.policy(request.policyVersionId());
        List<Approval> cast = approvals.listForExtension(extensionId);
        Instant now = clock.instant();
        PolicyEvaluation evaluation = ApprovalPolicy.evaluate(ballot(request, extension), policy,
                cast, decider(caller), now, config.stepUpAcr());
        checkAllowed(request, extensionId, policy, evaluation, decision, caller, actor);

        record(new Approval(requestId, actor, decision, text, now, evaluation.memberOf())
                .onExtension(extensionId), policy, caller);
        if (decision == Decision.DENY) {
            extensions.closeExtension(request, extension, GrantExtension.State.DENIED, actor, text);
            return extension;
        }
        audit.approvalRecorded(request, actor, text, evaluation.approvalsGiven() + 1,
                evaluation.countsFor(), extensionId);
        if (evaluation.completes()) {
            extensions.extensionApproved(request, extension, actor, approvers(cast, actor));
        }
        return extension;
    }

    private Ballot ballot(AccessRequest request, GrantExtension extension) {
        AccessGrant grant = grants.grantOf(request.id());
        return Ballot.extension(request, extension.isPending(), extension.state().name(),
                grant.expiresAt);
    }

    /** Refuses, audits and logs a decision the policy does not allow, with every reason. */
    private void checkAllowed(AccessRequest request, UUID extension, AccessPolicy policy,
            PolicyEvaluation evaluation, Decision decision, Caller caller, Actor actor) {
        boolean approve = decision == Decision.APPROVE;
        if (evaluation.allows(approve)) {
            return;
        }
        List<String> conflicts = evaluation.unmet(PolicyCheck.Kind.STATE);
        List<String> reasons = new ArrayList<>(conflicts);
        reasons.addAll(evaluation.unmet(PolicyCheck.Kind.APPROVER));
        List<String> stepUp = evaluation.unmet(PolicyCheck.Kind.STEP_UP);
        reasons.addAll(stepUp);
        if (approve) {
            reasons.addAll(evaluation.unmet(PolicyCheck.Kind.APPROVE_ONLY));
        }
        audit.decisionRefused(request, actor, decision.name(), reasons, caller.signIn().acr(),
                extension);
        LOG.warnf("decision refused: request=%s extension=%s by=%s reasons=%s", request.id(),
                extension, actor.username(), reasons);
        if (!conflicts.isEmpty()) {
            throw new RequestConflictException(conflicts.get(0));
        }
        if (reasons.size() == stepUp.size()) {
            throw new StepUpRequiredException(stepUp, config.stepUpAcr(),
                    policy.stepUp().maxAge());
        }
        throw new NotEligibleException(reasons);
    }

    private Approval record(Approval approval, AccessPolicy policy, Caller caller) {
        if (policy.stepUp().required()) {
            approval.recordSignIn(caller.signIn());
        }
        approvals.persist(approval);
        return approval;
    }

    private static List<String> approvers(List<Approval> cast, Actor last) {
        List<String> approvers = new ArrayList<>(cast.stream()
                .filter(a -> a.decision == Decision.APPROVE)
                .map(a -> a.approverUsername)
                .toList());
        approvers.add(last.username());
        return approvers;
    }

    private Decider decider(Caller caller) {
        return new Decider(caller.subject(), caller.username(),
                directory.person(caller.subject()),
                requests.entitlementsOf(caller.subject(), HOLDING), caller.signIn());
    }

    private static void checkComment(Decision decision, String text) {
        String rule = null;
        if (text.length() > COMMENT_MAX) {
            rule = "must be at most " + COMMENT_MAX + " characters";
        } else if (RequestRules.hasControlCharacters(text)) {
            rule = RequestRules.CONTROL_CHARACTERS;
        } else if (decision == Decision.DENY && text.isEmpty()) {
            rule = "is required when denying: say why, for the requester and the audit";
        }
        if (rule != null) {
            throw new InvalidRequestException(List.of(new FieldViolation("comment", rule)));
        }
    }

    private void deny(AccessRequest request, Actor actor, String comment, Instant now) {
        request.deny(now);
        audit.requestDenied(request, actor, comment);
        jobs.cancelTimeOut(request.id());
        LOG.infof("request denied: request=%s by=%s", request.id(), actor.username());
    }

    private void approve(AccessRequest request, List<Approval> cast, Actor actor,
            String comment, PolicyEvaluation evaluation, Instant now) {
        audit.approvalRecorded(request, actor, comment, evaluation.approvalsGiven() + 1,
                evaluation.countsFor(), null);
        LOG.infof("approval recorded: request=%s by=%s", request.id(), actor.username());
        if (!evaluation.completes()) {
            return;
        }
        request.approve(now);
        List<String> approvers = approvers(cast, actor);
        audit.requestApproved(request, actor, approvers);
        jobs.cancelTimeOut(request.id());
        grants.prepare(request, entitlements.findById(request.entitlementKey()));
        LOG.infof("request approved: request=%s approvers=%s", request.id(), approvers);
    }
}
