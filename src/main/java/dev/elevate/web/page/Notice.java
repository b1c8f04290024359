package dev.elevate.web.page;

/**
 * The one-line confirmations shown after a form redirects. Only these fixed texts can be
 * shown, so a crafted link cannot put words on an Elevate page.
 */
public enum Notice {
    SUBMITTED("Request submitted. Approvers have been notified."),
    CANCELLED("Request cancelled."),
    APPROVED("Your approval is recorded."),
    DENIED("The request is denied."),
    REVOKING("Revocation started; access ends once the target system confirms it."),
    EXTENDED("Your access is extended; the new end is shown below."),
    EXTENSION_REQUESTED("Extension requested. Approvers have been notified; undecided, it "
            + "lapses when the access ends."),
    EXTENSION_WITHDRAWN("Extension withdrawn."),
    EXTENSION_APPROVED("Your approval of the extension is recorded."),
    EXTENSION_DENIED("The extension is denied."),
    BREAK_GLASS_REVIEWED("Your review of the break-glass use is recorded.");

    private final String text;

    Notice(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** The notice named in a query parameter, or null for none or an unknown one. */
    public static String textOf(String code) {
        for (Notice notice : values()) {
            if (notice.name().equalsIgnoreCase(code)) {
                return notice.text;
            }
        }
        return null;
    }

    public String code() {
        return name().toLowerCase();
    }
}
