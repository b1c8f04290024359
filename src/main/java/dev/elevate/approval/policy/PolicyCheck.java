package dev.elevate.approval.policy;

/**
 * One rule applied to one decision.
 *
 * @param kind whether an unmet rule is about the request's state (a conflict) or about
 *     the approver (a refusal)
 * @param explanation what a reviewer reads, whether met or not
 */
public record PolicyCheck(String rule, Kind kind, boolean met, String explanation) {

    /** Why an unmet check stops a decision. */
    public enum Kind { STATE, APPROVER }

    static PolicyCheck of(String rule, Kind kind, boolean met, String ifMet, String ifNot) {
        return new PolicyCheck(rule, kind, met, met ? ifMet : ifNot);
    }
}
