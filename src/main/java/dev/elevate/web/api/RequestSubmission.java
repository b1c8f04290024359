package dev.elevate.web.api;

import dev.elevate.request.RequestDraft;

/**
 * The body of {@code POST /api/requests}; unknown fields are refused.
 *
 * @param startsAt optional ISO-8601 date-time with offset for a scheduled start
 * @param breakGlass true to invoke the entitlement's emergency access (policy permitting)
 */
public record RequestSubmission(String entitlement, String duration, String justification,
        String ticket, String startsAt, Boolean breakGlass) {

    RequestDraft draft() {
        return new RequestDraft(entitlement, duration, justification, ticket, startsAt,
                Boolean.TRUE.equals(breakGlass));
    }
}
