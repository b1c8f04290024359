package dev.elevate.approval;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
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
import dev.elevate.identity.SignIn;

/**
 * One person's decision on one request, or on one extension of its grant; a person decides each
 * at most once.
 */
@Entity
@Table(name = "approval")
public class Approval {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** Set when the decision is on an extension of the request's grant, not the request. */
    @Column(name = "extension_id")
    public UUID extensionId;

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

    /** The approval steps Keycloak listed this person for when they decided, comma-separated. */
    @Column(name = "steps", nullable = false)
    public String stepNames = "";

    /** The sign-in behind the decision, recorded when a step-up rule applied. */
    @Column(name = "auth_acr")
    public String authAcr;

    @Column(name = "auth_time")
    public Instant authTime;

    protected Approval() {
    }

    public Approval(UUID requestId, Actor approver, Decision decision, String comment,
            Instant decidedAt, Set<String> steps) {
        this.requestId = requestId;
        this.approverSubject = approver.subject();
        this.approverUsername = approver.username();
        this.decision = decision;
        this.comment = comment;
        this.channel = approver.channel().code();
        this.decidedAt = decidedAt;
        this.stepNames = String.join(",", new TreeSet<>(steps));
    }

    public Set<String> steps() {
        return stepNames.isEmpty() ? Set.of() : Set.of(stepNames.split(","));
    }

    /** A detached copy with other steps, for re-checking against Keycloak's current state. */
    public Approval withSteps(Set<String> steps) {
        Approval copy = new Approval();
        copy.requestId = requestId;
        copy.extensionId = extensionId;
        copy.approverSubject = approverSubject;
        copy.approverUsername = approverUsername;
        copy.decision = decision;
        copy.comment = comment;
        copy.channel = channel;
        copy.decidedAt = decidedAt;
        copy.stepNames = String.join(",", new TreeSet<>(steps));
        return copy;
    }

    /** Marks this (new, unsaved) decision as one on an extension of the request's grant. */
    public Approval onExtension(UUID extension) {
        this.extensionId = extension;
        return this;
    }

    public void recordSignIn(SignIn signIn) {
        this.authAcr = signIn.acr();
        this.authTime = signIn.authTime();
    }
}
