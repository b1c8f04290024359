package dev.elevate.notification.slack;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;

import dev.elevate.entitlement.Entitlement;
import dev.elevate.request.AccessRequest;

/** Slack messages, as Block Kit JSON templates under {@code templates/slack/}. */
@CheckedTemplate(basePath = "slack")
class SlackTemplates {

    static native TemplateInstance requestSubmitted(AccessRequest request,
            Entitlement entitlement, String reviewUrl);

    static native TemplateInstance breakGlassUsed(AccessRequest request,
            Entitlement entitlement, String reviewUrl, String reviewDue);

    static native TemplateInstance breakGlassReviewOverdue(AccessRequest request,
            String reviewDue, String reviewUrl);

    static native TemplateInstance extensionRequested(AccessRequest request, String extendBy,
            String reason, String currentEnd, String reviewUrl);

    /**
     * Extensions the Slack templates use. Qute already escapes values for JSON in these
     * templates; this keeps user text from turning into mentions or links inside mrkdwn.
     */
    @TemplateExtension
    public static class Escapes {

        public static String mrkdwn(String text) {
            return SlackText.mrkdwn(text);
        }
    }
}
