package dev.elevate.web.api;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.elevate.audit.AuditEvent;

/** One audit event as the API returns it. */
public record AuditEventView(long id, Instant occurredAt, String type, String actor,
        String actorSubject, String channel, UUID request, String entitlement, String requester,
        Map<String, Object> details) {

    public static AuditEventView of(AuditEvent e) {
        return new AuditEventView(e.id, e.occurredAt, e.type, e.actorUsername, e.actorSubject,
                e.channel, e.requestId, e.entitlementKey, e.requesterUsername, e.details);
    }
}
