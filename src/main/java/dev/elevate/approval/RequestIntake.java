package dev.elevate.approval;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.AutoApprovalRule;
import dev.elevate.grant.GrantService;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Channel;
import dev.elevate.identity.directory.KeycloakDirectory;
import dev.elevate.identity.directory.Person;
import dev.elevate.notification.NotificationService;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.SubmittedRequest;
import dev.elevate.scheduling.JobScheduler;

/**
 * Decides, in the submission's transaction, what a new request waits for: break-glass access
 * is granted at once and put up for review, a matching auto-approval rule approves it in its
 * own name, and anything else waits for people.
 */
@ApplicationScoped
public class RequestIntake {

    private static final Logger LOG = Logger.getLogger(RequestIntake.class);

    @Inject
    ApprovalRepository approvals;

    @Inject
    BreakGlassReviewRepository reviews;

    @Inject
    GrantService grants;

    @Inject
    KeycloakDirectory directory;

    @Inject
    NotificationService notifications;

    @Inject
    AuditTrail audit;

    @Inject
    JobScheduler jobs;

    @Inject
    Clock clock;

    void onSubmitted(@Observes SubmittedRequest submitted) {
        AccessRequest request = submitted.request();
        AccessPolicy policy = submitted.offer().policy();
        Instant now = clock.instant();
        if (submitted.breakGlass()) {
            breakGlass(submitted, policy, now);
            return;
        }
        // Judged by Keycloak's groups now, like eligibility, not by the token's.
        Optional<Person> live = policy.autoApproval().isEmpty() ? Optional.empty()
                : directory.person(request.requesterSubject());
        Optional<AutoApprovalRule> rule = live.flatMap(person -> policy.autoApproval().stream()
                .filter(r -> r.matches(person.groups(), person.roles(), request.duration(), now))
                .findFirst());
        if (rule.isPresent()) {
            autoApprove(submitted, rule.get(), now);
            return;
        }
        jobs.timeOutRequest(request.id(), request.pendingUntil());
        notifications.requestSubmitted(request, submitted.offer().entitlement());
    }

    private void autoApprove(SubmittedRequest submitted, AutoApprovalRule rule, Instant now) {
        AccessRequest request = submitted.request();
        Actor approver = new Actor(rule.approverName(), rule.approverName(), Channel.RULE);
        approvals.persist(new Approval(request.id(), approver, Decision.APPROVE,
                "auto-approval rule " + rule.name(), now, Set.of()));
        request.approve(now);
        audit.requestAutoApproved(request, approver, rule.name());
        grants.prepare(request, submitted.offer().entitlement());
        LOG.infof("request auto-approved: request=%s rule=%s", request.id(), rule.name());
    }

    private void breakGlass(SubmittedRequest submitted, AccessPolicy policy, Instant now) {
        AccessRequest request = submitted.request();
        request.approve(now);
        Instant due = now.plus(policy.breakGlass().reviewWithin());
        reviews.persist(new BreakGlassReview(request.id(), now, due));
        audit.breakGlassActivated(request, submitted.actor(), request.justification(), due);
        grants.prepare(request, submitted.offer().entitlement());
        notifications.breakGlassUsed(request, submitted.offer().entitlement(), due);
        jobs.breakGlassDue(request.id(), due);
        LOG.warnf("BREAK-GLASS access: request=%s user=%s entitlement=%s reviewDue=%s",
                request.id(), request.requesterUsername(), request.entitlementKey(), due);
    }
}
