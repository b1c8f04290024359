package dev.elevate.grant;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The requester's ask for more time on an active grant. One the policy lets through is
 * approved as it is made; otherwise it waits for approvers until the grant itself ends.
 */
@Entity
@Table(name = "grant_extension")
public class GrantExtension {

    /** Where an extension stands; only PENDING changes again. */
    public enum State { PENDING, APPROVED, DENIED, WITHDRAWN, EXPIRED }

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "duration_seconds", nullable = false)
    private long durationSeconds;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "expires_at_after")
    private Instant expiresAtAfter;

    protected GrantExtension() {
    }

    GrantExtension(UUID requestId, Duration duration, String reason, String requestedBy,
            Instant now) {
        this.id = UUID.randomUUID();
        this.requestId = requestId;
        this.durationSeconds = duration.toSeconds();
        this.reason = reason;
        this.requestedBy = requestedBy;
        this.requestedAt = now;
        this.state = State.PENDING;
    }

    void apply(Instant newEnd, Instant now) {
        requirePending();
        state = State.APPROVED;
        decidedAt = now;
        expiresAtAfter = newEnd;
    }

    void close(State outcome, Instant now) {
        requirePending();
        state = outcome;
        decidedAt = now;
    }

    private void requirePending() {
        if (state != State.PENDING) {
            throw new IllegalStateException("extension " + id + " is " + state);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID requestId() {
        return requestId;
    }

    public Duration duration() {
        return Duration.ofSeconds(durationSeconds);
    }

    public String reason() {
        return reason;
    }

    public State state() {
        return state;
    }

    public boolean isPending() {
        return state == State.PENDING;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Instant expiresAtAfter() {
        return expiresAtAfter;
    }
}
