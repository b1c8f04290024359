package dev.elevate.identity;

/** The way an actor reached Elevate; recorded on every audit event. */
public enum Channel {
    WEB("web"),
    API("api"),
    SLACK_LINK("slack-link"),
    SCHEDULER("scheduler"),
    RULE("rule");

    private final String code;

    Channel(String code) {
        this.code = code;
    }

    /** The stable name stored in the audit trail and shown to auditors. */
    public String code() {
        return code;
    }
}
