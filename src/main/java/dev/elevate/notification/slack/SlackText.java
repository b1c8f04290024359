package dev.elevate.notification.slack;

/** Escaping for text that users wrote and Slack renders. */
public final class SlackText {

    private SlackText() {
    }

    /**
     * Slack treats &lt;, &gt; and &amp; as control characters ({@code <!channel>},
     * {@code <url|label>}); escaping them leaves a justification as plain words.
     */
    public static String mrkdwn(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

}
