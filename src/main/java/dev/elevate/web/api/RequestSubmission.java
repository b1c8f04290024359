package dev.elevate.web.api;

import dev.elevate.request.RequestDraft;

/** The body of {@code POST /api/requests}; unknown fields are refused. */
public record RequestSubmission(String entitlement, String duration, String justification,
        String ticket) {

    RequestDraft draft() {
        return new RequestDraft(entitlement, duration, justification, ticket);
    }
}
