package dev.elevate.approval;

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

import dev.elevate.identity.Actor;

/** One person's decision on one request; a person decides a request at most once. */
@Entity
@Table(name = "approval")
public class Approval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "approver_subject", nullable = false)
    public String approverSubject;

    @Column(name = "approver_username", nullable = false)
    public String approverUsername;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(nullable = false)
    public String comment;

    @Column(nullable = false)
    public String channel;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;

    protected Approval() {
    }

    public Approval(UUID requestId, Actor approver, Decision decision, String comment,
            Instant decidedAt) {
        this.requestId = requestId;
        this.approverSubject = approver.subject();
        this.approverUsername = approver.username();
        this.decision = decision;
        this.comment = comment;
        this.channel = approver.channel().code();
        this.decidedAt = decidedAt;
    }
}
