package dev.elevate.entitlement.policy;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A proposed change to one or more policies, waiting for a second admin. Nothing of it
 * applies until it is confirmed; then each item becomes the next version of its policy.
 */
@Entity
@Table(name = "policy_change")
public class PolicyChange {

    /** Where a change stands; only PROPOSED can move. */
    public enum State { PROPOSED, APPLIED, REJECTED, WITHDRAWN }

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(nullable = false)
    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_format", nullable = false)
    private PolicyFormat sourceFormat;

    /** The document as the author submitted it, kept for the record. */
    @Column(nullable = false)
    private String source;

    @Column(name = "author_subject", nullable = false)
    private String authorSubject;

    @Column(name = "author_username", nullable = false)
    private String authorUsername;

    @Column(name = "proposed_at", nullable = false)
    private Instant proposedAt;

    @Column(name = "decided_by_subject")
    private String decidedBySubject;

    @Column(name = "decided_by_username")
    private String decidedByUsername;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "decision_comment")
    private String decisionComment;

    @Version
    private long version;

    protected PolicyChange() {
    }

    static PolicyChange propose(String summary, PolicyFormat format, String source,
            String authorSubject, String authorUsername, Instant now) {
        PolicyChange change = new PolicyChange();
        change.id = UUID.randomUUID();
        change.state = State.PROPOSED;
        change.summary = summary;
        change.sourceFormat = format;
        change.source = source;
        change.authorSubject = authorSubject;
        change.authorUsername = authorUsername;
        change.proposedAt = now;
        return change;
    }

    void describe(String text) {
        summary = text;
    }

    void decide(State outcome, String subject, String username, String comment, Instant now) {
        state = outcome;
        decidedBySubject = subject;
        decidedByUsername = username;
        decisionComment = comment;
        decidedAt = now;
    }

    public UUID id() {
        return id;
    }

    public State state() {
        return state;
    }

    public String summary() {
        return summary;
    }

    public PolicyFormat sourceFormat() {
        return sourceFormat;
    }

    public String source() {
        return source;
    }

    public String authorSubject() {
        return authorSubject;
    }

    public String authorUsername() {
        return authorUsername;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public String decidedByUsername() {
        return decidedByUsername;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public String decisionComment() {
        return decisionComment;
    }
}
