package dev.elevate.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.elevate.approval.policy.ApprovalPolicy;
import dev.elevate.approval.policy.PolicyCheck;
import dev.elevate.approval.policy.PolicyEvaluation;
import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.EntitlementRepository;
import dev.elevate.grant.GrantService;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.request.RequestConflictException;
import dev.elevate.request.RequestRules;
import dev.elevate.request.VisibleRequests;
import dev.elevate.scheduling.JobScheduler;

/** Approvers' decisions, each checked against the policy at the moment it is made. */
@ApplicationScoped
public class ApprovalService {

    public static final int COMMENT_MAX = 1000;
    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    @Inject
    AccessRequestRepository requests;

    @Inject
    EntitlementRepository entitlements;

    @Inject
    VisibleRequests visible;

    @Inject
    ApprovalRepository approvals;

    @Inject
    GrantService grants;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    Clock clock;

    /** What the policy says about this caller deciding this request now, for the review page. */
    @Transactional
    public PolicyEvaluation evaluate(AccessRequest request, Caller caller) {
        Entitlement entitlement = entitlements.findById(request.entitlementKey());
        return ApprovalPolicy.evaluate(request, entitlement, approvals.listFor(request.id()),
                caller, clock.instant());
    }

    /**
     * Records one decision. Refusals and late decisions commit their audit event (and the
     * time-out) even though the caller gets an error, hence the {@code dontRollbackOn}.
     */
    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public AccessRequest decide(UUID requestId, Decision decision, String comment, Caller caller,
            Actor actor) {
        String text = comment == null ? "" : comment.strip();
        checkComment(decision, text);
        AccessRequest request = visible.lockFor(requestId, caller);
        Entitlement entitlement = entitlements.findById(request.entitlementKey());
        Instant now = clock.instant();
        if (request.isPendingPast(now)) {
            request.timeOut(now);
            audit.requestTimedOut(request, Actor.scheduler());
            jobs.cancelTimeOut(requestId);
            throw new RequestConflictException("Too late: the pending window closed at "
                    + request.pendingUntil() + " and the request has timed out");
        }

        List<Approval> cast = approvals.listFor(requestId);
        PolicyEvaluation evaluation = ApprovalPolicy.evaluate(request, entitlement, cast, caller,
                now);
        List<String> conflicts = evaluation.unmet(PolicyCheck.Kind.STATE);
        List<String> refusals = evaluation.unmet(PolicyCheck.Kind.APPROVER);
        if (!conflicts.isEmpty() || !refusals.isEmpty()) {
            List<String> reasons = new ArrayList<>(conflicts);
            reasons.addAll(refusals);
            audit.decisionRefused(request, actor, decision.name(), reasons);
            LOG.warnf("decision refused: request=%s by=%s reasons=%s", requestId,
                    actor.username(), reasons);
            if (!conflicts.isEmpty()) {
                throw new RequestConflictException(conflicts.get(0));
            }
            throw new NotEligibleException(refusals);
        }

        approvals.persist(new Approval(requestId, actor, decision, text, now));
        if (decision == Decision.DENY) {
            deny(request, actor, text, now);
        } else {
            approve(request, entitlement, cast, actor, text, evaluation, now);
        }
        return request;
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

    private void approve(AccessRequest request, Entitlement entitlement, List<Approval> cast,
            Actor actor, String comment, PolicyEvaluation evaluation, Instant now) {
        audit.approvalRecorded(request, actor, comment, evaluation.approvalsGiven() + 1);
        LOG.infof("approval recorded: request=%s by=%s", request.id(), actor.username());
        if (!evaluation.oneMoreApproves()) {
            return;
        }
        request.approve(now);
        List<String> approvers = new ArrayList<>(cast.stream()
                .filter(a -> a.decision == Decision.APPROVE)
                .map(a -> a.approverUsername)
                .toList());
        approvers.add(actor.username());
        audit.requestApproved(request, actor, approvers);
        jobs.cancelTimeOut(request.id());
        grants.prepare(request, entitlement);
        LOG.infof("request approved: request=%s approvers=%s", request.id(), approvers);
    }
}
