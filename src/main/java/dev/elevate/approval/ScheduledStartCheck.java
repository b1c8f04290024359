package dev.elevate.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.elevate.approval.policy.ApprovalPolicy;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.AutoApprovalRule;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.grant.StartCheck;
import dev.elevate.identity.Channel;
import dev.elevate.identity.directory.KeycloakDirectory;
import dev.elevate.identity.directory.Person;
import dev.elevate.request.AccessRequest;

/**
 * At a scheduled start, the requester must still be eligible and the approvals must still
 * meet every step with the approvers Keycloak lists now: days may have passed since the
 * decisions, and people change teams. An auto-approval rule must still match then too.
 */
@ApplicationScoped
public class ScheduledStartCheck implements StartCheck {

    @Inject
    PolicyCatalog policies;

    @Inject
    ApprovalRepository approvals;

    @Inject
    KeycloakDirectory directory;

    @Inject
    Clock clock;

    @Override
    public List<String> refusals(AccessRequest request) {
        AccessPolicy policy = policies.policy(request.policyVersionId());
        List<String> reasons = new ArrayList<>();
        Optional<Person> requester = directory.person(request.requesterSubject());
        if (requester.isEmpty() || !requester.get().enabled() || !policy.requesters()
                .includes(requester.get().groups(), requester.get().roles())) {
            reasons.add(request.requesterUsername() + " is no longer eligible for "
                    + policy.entitlement() + " (" + policy.requesters().describe() + ")");
        }
        List<Approval> now = new ArrayList<>();
        boolean byRule = false;
        for (Approval approval : approvals.listFor(request.id())) {
            if (approval.decision != Decision.APPROVE) {
                continue;
            }
            if (Channel.RULE.code().equals(approval.channel)) {
                byRule = true;
                ruleRefusal(policy, approval, request, requester).ifPresent(reasons::add);
                continue;
            }
            Approval recheck = approval.withSteps(directory.person(approval.approverSubject)
                    .map(p -> ApprovalPolicy.stepsFor(policy, p)).orElse(Set.of()));
            now.add(recheck);
        }
        if (!byRule && !ApprovalPolicy.isMet(policy, now)) {
            reasons.add("The approvals no longer meet every step: some approvers left the "
                    + "groups or roles they approved for");
        }
        return reasons;
    }

    /**
     * A rule approved the request in its own name: at the start it must still match, with
     * the requester's groups now and the hours at this moment.
     */
    private Optional<String> ruleRefusal(AccessPolicy policy, Approval approval,
            AccessRequest request, Optional<Person> requester) {
        Optional<AutoApprovalRule> rule = policy.autoApproval().stream()
                .filter(r -> r.approverName().equals(approval.approverSubject))
                .findFirst();
        boolean holds = rule.isPresent() && requester.isPresent() && rule.get().matches(
                requester.get().groups(), requester.get().roles(), request.duration(),
                clock.instant());
        return holds ? Optional.empty() : Optional.of("Auto-approval rule "
                + approval.approverUsername + " no longer matches at the start: the requester "
                + "left its groups, or the start falls outside its hours");
    }
}
