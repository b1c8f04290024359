package dev.elevate.entitlement.policy;

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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One confirmed version of one entitlement's policy. Versions are never edited: a change adds
 * the next version and marks the previous one superseded.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

    /** Whether a version is the one new requests get. */
    public enum State { ACTIVE, SUPERSEDED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entitlement_key", nullable = false)
    private String entitlementKey;

    @Column(nullable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    private String document;

    /** The fields that differ from the previous version, as {@code [{field, from, to}]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    private String differences;

    @Column(name = "change_id")
    private UUID changeId;

    @Column(name = "author_username", nullable = false)
    private String authorUsername;

    @Column(name = "confirmed_by_username", nullable = false)
    private String confirmedByUsername;

    @Column(name = "activated_at", nullable = false)
    private Instant activatedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected PolicyVersion() {
    }

    PolicyVersion(String entitlementKey, int version, String document, String differences,
            UUID changeId, String authorUsername, String confirmedByUsername, Instant now) {
        this.entitlementKey = entitlementKey;
        this.version = version;
        this.state = State.ACTIVE;
        this.document = document;
        this.differences = differences;
        this.changeId = changeId;
        this.authorUsername = authorUsername;
        this.confirmedByUsername = confirmedByUsername;
        this.activatedAt = now;
    }

    void supersede(Instant now) {
        state = State.SUPERSEDED;
        supersededAt = now;
    }

    public Long id() {
        return id;
    }

    public String entitlementKey() {
        return entitlementKey;
    }

    public int version() {
        return version;
    }

    public State state() {
        return state;
    }

    public String document() {
        return document;
    }

    public String differences() {
        return differences;
    }

    public UUID changeId() {
        return changeId;
    }

    public String authorUsername() {
        return authorUsername;
    }

    public String confirmedByUsername() {
        return confirmedByUsername;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public Instant supersededAt() {
        return supersededAt;
    }

    /** For example "payments-operator v3". */
    public String label() {
        return entitlementKey + " v" + version;
    }
}
