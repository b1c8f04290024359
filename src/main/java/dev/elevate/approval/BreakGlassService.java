package dev.elevate.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.elevate.approval.policy.ApprovalPolicy;
import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.identity.Actor;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.identity.directory.KeycloakDirectory;
import dev.elevate.notification.NotificationService;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.request.RequestConflictException;
import dev.elevate.request.RequestNotFoundException;
import dev.elevate.request.RequestRules;
import dev.elevate.request.VisibleRequests;
import dev.elevate.scheduling.JobScheduler;

/**
 * The second person's sign-off on a break-glass use: someone other than the user, who is an
 * approver of the entitlement by Keycloak's current state, or an admin. Late reviews count,
 * and say they were late.
 *
 * <p>TODO: reviewing a use of a step-up entitlement needs no second factor yet; the review
 * only records a verdict, but a strict policy may want the same sign-in as a decision.
 */
@ApplicationScoped
public class BreakGlassService {

    private static final Logger LOG = Logger.getLogger(BreakGlassService.class);

    @Inject
    BreakGlassReviewRepository reviews;

    @Inject
    VisibleRequests visible;

    @Inject
    PolicyCatalog policies;

    @Inject
    KeycloakDirectory directory;

    @Inject
    AuditTrail audit;

    @Inject
    AccessRequestRepository requests;

    @Inject
    NotificationService notifications;

    @Inject
    JobScheduler jobs;

    @Inject
    Clock clock;

    @Transactional(dontRollbackOn = {NotEligibleException.class, RequestConflictException.class})
    public BreakGlassReview review(UUID requestId, String outcome, String comment, Caller caller,
            Actor actor) {
        List<FieldViolation> violations = new ArrayList<>();
        BreakGlassReview.Outcome verdict = parse(outcome);
        if (verdict == null) {
            violations.add(new FieldViolation("outcome", "must be JUSTIFIED or UNJUSTIFIED"));
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() < 10 || text.length() > ApprovalService.COMMENT_MAX
                || RequestRules.hasControlCharacters(text)) {
            violations.add(new FieldViolation("comment", "must be 10 to "
                    + ApprovalService.COMMENT_MAX + " characters without control characters: "
                    + "say what you checked"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
        AccessRequest request = visible.lockFor(requestId, caller);
        BreakGlassReview review = reviews.findForUpdate(requestId)
                .orElseThrow(RequestNotFoundException::new);
        Optional<String> refusal = reviewRefusal(request, caller);
        if (refusal.isPresent()) {
            throw refused(request, actor, new NotEligibleException(refusal.get()));
        }
        if (review.isReviewed()) {
            throw refused(request, actor, new RequestConflictException(
                    "This use was reviewed already by " + review.reviewerUsername));
        }
        Instant now = clock.instant();
        review.reviewedAt = now;
        review.reviewerSubject = caller.subject();
        review.reviewerUsername = caller.username();
        review.outcome = verdict;
        review.comment = text;
        boolean late = now.isAfter(review.dueAt);
        audit.breakGlassReviewed(request, actor, verdict.name(), text, late);
        LOG.infof("break-glass reviewed: request=%s by=%s outcome=%s late=%s", requestId,
                caller.username(), verdict, late);
        return review;
    }

    /**
     * Why this caller may not review this request's break-glass use, judged by Keycloak now;
     * empty when they may.
     */
    public Optional<String> reviewRefusal(AccessRequest request, Caller caller) {
        if (request.isRequestedBy(caller)) {
            return Optional.of("You used this break-glass access; a second person must review it");
        }
        AccessPolicy policy = policies.policy(request.policyVersionId());
        boolean approver = directory.person(caller.subject())
                .map(p -> !ApprovalPolicy.stepsFor(policy, p).isEmpty()).orElse(false);
        if (!approver && !caller.hasRole(AppRole.ADMIN)) {
            return Optional.of("Only an approver of " + policy.entitlement() + " (as Keycloak "
                    + "lists them now) or an admin may review this use");
        }
        return Optional.empty();
    }

    /**
     * The review deadline came: if the use is still unreviewed, the audit trail and Slack say
     * so, once. A job that fires early waits for the deadline.
     */
    @Transactional
    public void remindIfOverdue(UUID requestId) {
        BreakGlassReview review = reviews.findForUpdate(requestId).orElse(null);
        if (review == null || review.isReviewed() || review.remindedAt != null) {
            return;
        }
        Instant now = clock.instant();
        if (!review.isOverdue(now)) {
            jobs.breakGlassDue(requestId, review.dueAt);
            return;
        }
        AccessRequest request = requests.findById(requestId);
        review.remindedAt = now;
        audit.breakGlassReviewOverdue(request, review.dueAt);
        notifications.breakGlassReviewOverdue(request, review.dueAt);
        LOG.warnf("break-glass review overdue: request=%s user=%s entitlement=%s due=%s",
                requestId, request.requesterUsername(), request.entitlementKey(), review.dueAt);
    }

    private static BreakGlassReview.Outcome parse(String outcome) {
        try {
            return BreakGlassReview.Outcome.valueOf(outcome == null ? ""
                    : outcome.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private <E extends RuntimeException> E refused(AccessRequest request, Actor actor, E e) {
        audit.actionRefused(request, actor, "break-glass review", e.getMessage());
        return e;
    }
}
