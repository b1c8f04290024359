package dev.elevate.request;

/**
 * What a person typed or sent, before any rule was applied; every field may be missing.
 *
 * @param duration ISO-8601, such as {@code PT1H} or {@code PT30M}
 * @param startsAt an ISO-8601 date-time with offset for a scheduled start; blank for "now"
 * @param breakGlass whether the requester invokes the entitlement's emergency access
 */
public record RequestDraft(String entitlement, String duration, String justification,
        String ticket, String startsAt, boolean breakGlass) {

    public RequestDraft(String entitlement, String duration, String justification,
            String ticket) {
        this(entitlement, duration, justification, ticket, null, false);
    }
}
