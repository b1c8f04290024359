package dev.elevate.approval;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The after-the-fact review a break-glass use needs from a second person, by a deadline. */
@Entity
@Table(name = "break_glass_review")
public class BreakGlassReview {

    /** What the reviewer concluded about the emergency use. */
    public enum Outcome { JUSTIFIED, UNJUSTIFIED }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "activated_at", nullable = false)
    public Instant activatedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewer_subject")
    public String reviewerSubject;

    @Column(name = "reviewer_username")
    public String reviewerUsername;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    public String comment;

    /** When the overdue reminder went out, if it did. */
    @Column(name = "reminded_at")
    public Instant remindedAt;

    @Version
    long version;

    protected BreakGlassReview() {
    }

    BreakGlassReview(UUID requestId, Instant activatedAt, Instant dueAt) {
        this.requestId = requestId;
        this.activatedAt = activatedAt;
        this.dueAt = dueAt;
    }

    public boolean isReviewed() {
        return reviewedAt != null;
    }

    public boolean isOverdue(Instant now) {
        return !isReviewed() && now.isAfter(dueAt);
    }
}
