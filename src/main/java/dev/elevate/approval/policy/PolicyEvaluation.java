package dev.elevate.approval.policy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every rule that applies to one person deciding one request, met or not, and how far each
 * approval step is.
 *
 * @param memberOf the steps Keycloak lists this person for right now
 * @param countsFor the step this person's approval would count for (empty if none)
 * @param completes whether this person's approval would meet every step
 */
public record PolicyEvaluation(List<PolicyCheck> checks, List<StepProgress> steps,
        Set<String> memberOf, Set<String> countsFor, boolean completes) {

    public PolicyEvaluation {
        checks = List.copyOf(checks);
        steps = List.copyOf(steps);
        memberOf = Set.copyOf(memberOf);
        countsFor = Set.copyOf(countsFor);
    }

    public boolean allows(boolean approve) {
        return checks.stream().allMatch(c -> c.met() || (!approve
                && c.kind() == PolicyCheck.Kind.APPROVE_ONLY));
    }

    public boolean mayApprove() {
        return allows(true);
    }

    public boolean mayDeny() {
        return allows(false);
    }

    /** Whether a fresh second-factor sign-in is all that stands between this person and a say. */
    public boolean needsStepUp() {
        return !unmet(PolicyCheck.Kind.STEP_UP).isEmpty() && checks.stream().noneMatch(c ->
                !c.met() && c.kind() != PolicyCheck.Kind.STEP_UP
                        && c.kind() != PolicyCheck.Kind.APPROVE_ONLY);
    }

    public List<String> unmet(PolicyCheck.Kind kind) {
        return checks.stream()
                .filter(c -> !c.met() && c.kind() == kind)
                .map(PolicyCheck::explanation)
                .toList();
    }

    public int approvalsGiven() {
        return steps.stream().mapToInt(StepProgress::given).sum();
    }

    public int approvalsRequired() {
        return steps.stream().mapToInt(StepProgress::needed).sum();
    }

    /** For example "1 of 2 approvals; security: 0 of 1; needs 1 more from group /sec". */
    public String progress() {
        return approvalsGiven() + " of " + approvalsRequired() + " approvals; "
                + steps.stream().map(StepProgress::describe).collect(Collectors.joining("; "));
    }
}
