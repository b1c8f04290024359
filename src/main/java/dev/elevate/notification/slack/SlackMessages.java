package dev.elevate.notification.slack;

import dev.elevate.entitlement.Entitlement;
import dev.elevate.request.AccessRequest;

/** The Slack messages Elevate sends, rendered to Block Kit JSON. */
public final class SlackMessages {

    private SlackMessages() {
    }

    public static String requestSubmitted(AccessRequest request, Entitlement entitlement,
            String reviewUrl) {
        return SlackTemplates.requestSubmitted(request, entitlement, reviewUrl).render();
    }

    public static String breakGlassUsed(AccessRequest request, Entitlement entitlement,
            String reviewUrl, String reviewDue) {
        return SlackTemplates.breakGlassUsed(request, entitlement, reviewUrl, reviewDue)
                .render();
    }

    public static String extensionRequested(AccessRequest request, String extendBy,
            String reason, String currentEnd, String reviewUrl) {
        return SlackTemplates.extensionRequested(request, extendBy, reason, currentEnd,
                reviewUrl).render();
    }

    public static String breakGlassReviewOverdue(AccessRequest request, String reviewDue,
            String reviewUrl) {
        return SlackTemplates.breakGlassReviewOverdue(request, reviewDue, reviewUrl).render();
    }
}
