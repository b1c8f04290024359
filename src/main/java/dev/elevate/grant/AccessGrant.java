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

import dev.elevate.entitlement.policy.ExtensionRule;
import dev.elevate.grant.connector.GrantOrder;

/** What the connector was asked to do for one approved request, and how far it got. */
@Entity
@Table(name = "access_grant")
public class AccessGrant {

    /** Why a grant ends: its time ran out, someone ended it early, or it could not be applied. */
    public enum EndReason { EXPIRY, EARLY, ACTIVATION_FAILED, START_REFUSED }

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(nullable = false)
    public String connector;

    @Column(nullable = false)
    public String target;

    /** The Keycloak subject of the person who receives the access. */
    @Column(name = "principal_subject", nullable = false)
    public String principalSubject;

    @Column(name = "activated_at")
    public Instant activatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public EndReason endReason;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "revocation_started_at")
    public Instant revocationStartedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** The policy version of the request this grant carries out. */
    @Column(name = "policy_version_id", nullable = false)
    public long policyVersionId;

    /** How many times the grant was extended. */
    @Column(nullable = false)
    public int extensions;

    /** Connector calls that failed in the current phase (activation, then revocation). */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    protected AccessGrant() {
    }

    public AccessGrant(UUID requestId, String connector, String target, String principalSubject,
            long policyVersionId) {
        this.requestId = requestId;
        this.policyVersionId = policyVersionId;
        this.connector = connector;
        this.target = target;
        this.principalSubject = principalSubject;
    }

    /** Why the policy refuses extending this active grant by {@code more}, or null if not. */
    public String extensionRefusal(ExtensionRule rule, Duration more) {
        Duration total = Duration.between(activatedAt, expiresAt.plus(more));
        return !rule.allowed() ? "This entitlement's policy allows no extensions"
                : extensions >= rule.maxCount() ? "Already extended " + extensions
                        + " time(s), the most this policy allows"
                : total.compareTo(rule.totalMax()) > 0 ? "Refused: the access would last "
                        + total + " in all, over this policy's cap of " + rule.totalMax()
                : null;
    }

    /** Whether the policy leaves room for one more extension of this active grant at all. */
    public boolean hasExtensionLeft(ExtensionRule rule) {
        return activatedAt != null && expiresAt != null
                && extensionRefusal(rule, Duration.ofSeconds(1)) == null;
    }

    public GrantOrder order() {
        return new GrantOrder(requestId, connector, target, principalSubject);
    }

    void failed(String error, Instant nextAttemptAt) {
        attempts++;
        lastError = error;
        this.nextAttemptAt = nextAttemptAt;
    }

    void succeeded() {
        attempts = 0;
        lastError = null;
        nextAttemptAt = null;
    }
}
