package dev.elevate.audit;

/** Every fact the trail records, in the past tense, with the stable name auditors search by. */
public enum AuditEventType {
    REQUEST_SUBMITTED("request.submitted"),
    REQUEST_REFUSED("request.refused"),
    REQUEST_AUTO_APPROVED("request.auto_approved"),
    BREAK_GLASS_ACTIVATED("break_glass.activated"),
    BREAK_GLASS_REVIEWED("break_glass.reviewed"),
    BREAK_GLASS_REVIEW_OVERDUE("break_glass.review_overdue"),
    START_REFUSED("grant.start_refused"),
    GRANT_EXTENDED("grant.extended"),
    EXTENSION_REQUESTED("grant.extension_requested"),
    EXTENSION_DENIED("grant.extension_denied"),
    EXTENSION_WITHDRAWN("grant.extension_withdrawn"),
    EXTENSION_EXPIRED("grant.extension_expired"),
    POLICY_CHANGE_PROPOSED("policy.change_proposed"),
    POLICY_CHANGE_CONFIRMED("policy.change_confirmed"),
    POLICY_CHANGE_REJECTED("policy.change_rejected"),
    POLICY_CHANGE_WITHDRAWN("policy.change_withdrawn"),
    POLICY_CHANGE_REFUSED("policy.change_refused"),
    REQUEST_CANCELLED("request.cancelled"),
    REQUEST_TIMED_OUT("request.timed_out"),
    APPROVAL_RECORDED("approval.recorded"),
    DECISION_REFUSED("decision.refused"),
    ACTION_REFUSED("request.action_refused"),
    REQUEST_APPROVED("request.approved"),
    REQUEST_DENIED("request.denied"),
    GRANT_ACTIVATION_FAILED("grant.activation_failed"),
    GRANT_ACTIVATED("grant.activated"),
    GRANT_APPLIED_AFTER_END("grant.applied_after_end"),
    GRANT_REVOCATION_REQUESTED("grant.revocation_requested"),
    GRANT_REVOCATION_STARTED("grant.revocation_started"),
    GRANT_REVOCATION_FAILED("grant.revocation_failed"),
    GRANT_EXPIRED("grant.expired"),
    GRANT_REVOKED("grant.revoked"),
    NOTIFICATION_SENT("notification.sent"),
    NOTIFICATION_FAILED("notification.failed");

    private final String code;

    AuditEventType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static AuditEventType fromCode(String code) {
        for (AuditEventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown audit event type: " + code);
    }
}
