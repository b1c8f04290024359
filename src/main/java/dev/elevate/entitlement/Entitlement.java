package dev.elevate.entitlement;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import dev.elevate.identity.Caller;

/** Something a person can ask for: a role in a target system, for a bounded time. */
@Entity
@Table(name = "entitlement")
public class Entitlement {

    @Id
    @Column(name = "entitlement_key")
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** Which connector grants it, e.g. {@code keycloak-realm-role}. */
    @Column(nullable = false)
    public String connector;

    /** What the connector grants, in its own terms (for realm roles: the role name). */
    @Column(nullable = false)
    public String target;

    @Column(name = "min_duration_seconds", nullable = false)
    public long minDurationSeconds;

    @Column(name = "default_duration_seconds", nullable = false)
    public long defaultDurationSeconds;

    @Column(name = "max_duration_seconds", nullable = false)
    public long maxDurationSeconds;

    @Column(name = "required_approvals", nullable = false)
    public int requiredApprovals;

    @Column(name = "ticket_required", nullable = false)
    public boolean ticketRequired;

    @Column(name = "pending_timeout_seconds", nullable = false)
    public long pendingTimeoutSeconds;

    @Column(nullable = false)
    public boolean enabled;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "entitlement_audience",
            joinColumns = @JoinColumn(name = "entitlement_key"))
    public List<Audience> audiences = new ArrayList<>();

    public Duration minDuration() {
        return Duration.ofSeconds(minDurationSeconds);
    }

    public Duration defaultDuration() {
        return Duration.ofSeconds(defaultDurationSeconds);
    }

    public Duration maxDuration() {
        return Duration.ofSeconds(maxDurationSeconds);
    }

    public Duration pendingTimeout() {
        return Duration.ofSeconds(pendingTimeoutSeconds);
    }

    public boolean mayBeRequestedBy(Caller caller) {
        return enabled && matches(Audience.Purpose.REQUEST, caller);
    }

    /** Whether the caller belongs to an approving audience; not whether they may decide. */
    public boolean mayBeApprovedBy(Caller caller) {
        return matches(Audience.Purpose.APPROVE, caller);
    }

    public List<Audience> audiencesFor(Audience.Purpose purpose) {
        return audiences.stream().filter(a -> a.purpose == purpose).toList();
    }

    private boolean matches(Audience.Purpose purpose, Caller caller) {
        return audiencesFor(purpose).stream().anyMatch(a -> a.kind == Audience.Kind.ROLE
                ? caller.hasRole(a.name) : caller.inGroup(a.name));
    }
}
