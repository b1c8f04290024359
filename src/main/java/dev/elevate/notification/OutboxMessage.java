package dev.elevate.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message to people, kept whether or not it could be delivered. */
@Entity
@Table(name = "notification_outbox")
public class OutboxMessage {

    /** Where a message stands. NOT_CONFIGURED: no destination is set up, so it stays here. */
    public enum Status { PENDING, SENT, FAILED, NOT_CONFIGURED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public String channel;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String summary;

    public String link;

    @Column(nullable = false)
    public String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;
}
