package dev.elevate.approval.policy;

import java.util.List;

/** Every rule that applies to one approver deciding one request, met or not. */
public record PolicyEvaluation(List<PolicyCheck> checks, int approvalsGiven,
        int approvalsRequired, String approverAudiences) {

    public PolicyEvaluation {
        checks = List.copyOf(checks);
    }

    public boolean allowsDecision() {
        return checks.stream().allMatch(PolicyCheck::met);
    }

    public List<String> unmet(PolicyCheck.Kind kind) {
        return checks.stream()
                .filter(c -> !c.met() && c.kind() == kind)
                .map(PolicyCheck::explanation)
                .toList();
    }

    public int approvalsStillNeeded() {
        return Math.max(0, approvalsRequired - approvalsGiven);
    }

    /** For example "1 of 2 approvals given; needs 1 more from role elevate-approver". */
    public String progress() {
        String given = approvalsGiven + " of " + approvalsRequired + " approvals given";
        int needed = approvalsStillNeeded();
        return needed == 0 ? given : given + "; needs " + needed + " more from " + approverAudiences;
    }

    /** Whether one more approval would meet the threshold. */
    public boolean oneMoreApproves() {
        return approvalsGiven + 1 >= approvalsRequired;
    }
}
