package dev.elevate.entitlement.policy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything that decides who may request an entitlement, who must approve, and for how long:
 * one version of one entitlement's policy. Immutable; a change makes a new version.
 *
 * @param conflicts entitlements nobody may hold or have pending together with this one
 * @param approversMustNotHold whether an approver who actively holds this entitlement, or one
 *     conflicting with it, is refused
 * @param maxStartDelay how far in the future a scheduled start may lie; zero forbids it
 */
public record AccessPolicy(String entitlement, Risk risk, Principals requesters,
        DurationRule duration, Duration pendingTimeout, boolean ticketRequired,
        List<ApprovalStep> steps, List<String> conflicts, boolean approversMustNotHold,
        StepUpRule stepUp, List<AutoApprovalRule> autoApproval, ExtensionRule extensions,
        BreakGlassRule breakGlass, Duration maxStartDelay) {

    public AccessPolicy {
        steps = List.copyOf(steps);
        conflicts = List.copyOf(conflicts);
        autoApproval = List.copyOf(autoApproval);
    }

    public int approvalsRequired() {
        return steps.stream().mapToInt(ApprovalStep::approvals).sum();
    }

    public Optional<ApprovalStep> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Whether a person with these groups and roles belongs to any approval step. */
    public boolean namesApprover(Iterable<String> groups, Iterable<String> roles) {
        return steps.stream().anyMatch(s -> s.approvers().includes(groups, roles));
    }
}
