package dev.elevate.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * What an auditor searches by; every field is optional.
 *
 * @param person matches the actor or the requester, by username
 * @param from inclusive
 * @param to exclusive
 */
public record AuditQuery(UUID requestId, String person, String entitlement, String type,
        Instant from, Instant to) {

    public static AuditQuery forRequest(UUID requestId) {
        return new AuditQuery(requestId, null, null, null, null, null);
    }
}
