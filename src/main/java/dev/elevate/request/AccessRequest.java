package dev.elevate.request;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.identity.Caller;

/** A person's request for an entitlement, for a duration, with a reason. */
@Entity
@Table(name = "access_request")
public class AccessRequest {

    @Id
    private UUID id;

    @Column(name = "entitlement_key", nullable = false)
    private String entitlementKey;

    @Column(name = "requester_subject", nullable = false)
    private String requesterSubject;

    @Column(name = "requester_username", nullable = false)
    private String requesterUsername;

    @Column(name = "duration_seconds", nullable = false)
    private long durationSeconds;

    @Column(nullable = false)
    private String justification;

    private String ticket;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestState state;

    /** Copied from the entitlement at submission, so later catalog edits change nothing. */
    @Column(name = "required_approvals", nullable = false)
    private int requiredApprovals;

    /** The policy version that governs this request from submission to its end. */
    @Column(name = "policy_version_id", nullable = false)
    private long policyVersionId;

    /** A scheduled start; null when the grant starts as soon as it is approved. */
    @Column(name = "starts_at")
    private Instant startsAt;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    @Column(name = "pending_until", nullable = false)
    private Instant pendingUntil;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Version
    private long version;

    protected AccessRequest() {
    }

    /** A new pending request; the caller's input has been validated already. */
    public static AccessRequest submit(String entitlementKey, AccessPolicy policy,
            long policyVersionId, Caller requester, Duration duration, String justification,
            String ticket, Instant startsAt, Instant now) {
        AccessRequest request = new AccessRequest();
        request.id = UUID.randomUUID();
        request.entitlementKey = entitlementKey;
        request.policyVersionId = policyVersionId;
        request.startsAt = startsAt;
        request.requesterSubject = requester.subject();
        request.requesterUsername = requester.username();
        request.durationSeconds = duration.toSeconds();
        request.justification = justification;
        request.ticket = ticket;
        request.state = RequestState.PENDING;
        request.requiredApprovals = policy.approvalsRequired();
        request.submittedAt = now;
        request.pendingUntil = now.plus(policy.pendingTimeout());
        if (startsAt != null && request.pendingUntil.isAfter(startsAt)) {
            // A decision after the start would shorten the access asked for; it must come first.
            request.pendingUntil = startsAt;
        }
        return request;
    }

    public void cancel(Instant now) {
        decide(RequestState.CANCELLED, now);
        endedAt = now;
    }

    public void deny(Instant now) {
        decide(RequestState.DENIED, now);
        endedAt = now;
    }

    public void approve(Instant now) {
        decide(RequestState.APPROVED, now);
    }

    public void timeOut(Instant now) {
        decide(RequestState.TIMED_OUT, now);
        endedAt = now;
    }

    public boolean isPendingPast(Instant now) {
        return state == RequestState.PENDING && !now.isBefore(pendingUntil);
    }

    public void activate() {
        moveTo(RequestState.ACTIVE);
    }

    public void startRevocation() {
        moveTo(RequestState.REVOKING);
    }

    /** The connector confirmed the removal: the request ends as expired or as revoked. */
    public void finishRevocation(boolean early, Instant now) {
        moveTo(early ? RequestState.REVOKED : RequestState.EXPIRED);
        endedAt = now;
    }

    public boolean isRequestedBy(Caller caller) {
        return requesterSubject.equals(caller.subject());
    }

    private void decide(RequestState next, Instant now) {
        moveTo(next);
        decidedAt = now;
    }

    private void moveTo(RequestState next) {
        if (state == next) {
            throw new RequestConflictException("Access request is already " + state);
        }
        if (!state.canBecome(next)) {
            throw new RequestConflictException(
                    "Access request is " + state + " and cannot become " + next);
        }
        state = next;
    }

    public UUID id() {
        return id;
    }

    public String entitlementKey() {
        return entitlementKey;
    }

    public String requesterSubject() {
        return requesterSubject;
    }

    public String requesterUsername() {
        return requesterUsername;
    }

    public Duration duration() {
        return Duration.ofSeconds(durationSeconds);
    }

    public String justification() {
        return justification;
    }

    public String ticket() {
        return ticket;
    }

    public RequestState state() {
        return state;
    }

    public int requiredApprovals() {
        return requiredApprovals;
    }

    public long policyVersionId() {
        return policyVersionId;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    public Instant pendingUntil() {
        return pendingUntil;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public Instant endedAt() {
        return endedAt;
    }
}
