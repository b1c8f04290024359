package dev.elevate.request;

/**
 * What a person typed or sent, before any rule was applied; every field may be missing.
 *
 * @param duration ISO-8601, such as {@code PT1H} or {@code PT30M}
 */
public record RequestDraft(String entitlement, String duration, String justification,
        String ticket) {
}
