package dev.elevate.approval.policy;

/**
 * One rule applied to one decision.
 *
 * @param kind why an unmet check stops a decision
 * @param explanation what a reviewer reads, whether met or not
 */
public record PolicyCheck(String rule, Kind kind, boolean met, String explanation) {

    /**
     * STATE: the request cannot be decided (a conflict); APPROVER: this person may not decide;
     * APPROVE_ONLY: this person may deny but their approval would not count; STEP_UP: a fresh
     * second-factor sign-in is needed first.
     */
    public enum Kind { STATE, APPROVER, APPROVE_ONLY, STEP_UP }

    static PolicyCheck of(String rule, Kind kind, boolean met, String ifMet, String ifNot) {
        return new PolicyCheck(rule, kind, met, met ? ifMet : ifNot);
    }
}
