package dev.elevate.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One recorded fact. Never updated or deleted: the database refuses both. */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String type;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_username", nullable = false)
    public String actorUsername;

    @Column(nullable = false)
    public String channel;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "entitlement_key")
    public String entitlementKey;

    @Column(name = "requester_username")
    public String requesterUsername;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    public Map<String, Object> details;
}
