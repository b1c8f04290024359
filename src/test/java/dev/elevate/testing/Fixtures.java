package dev.elevate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.elevate.entitlement.Audience;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.identity.Caller;
import dev.elevate.request.AccessRequest;

/** Builders for plain unit tests, named by what they make. */
public final class Fixtures {

    public static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    private Fixtures() {
    }

    public static Caller engineer(String name) {
        return new Caller(name + "-id", name, Set.of("elevate-engineer"), Set.of("/engineering"));
    }

    public static Caller approver(String name) {
        return new Caller(name + "-id", name, Set.of("elevate-approver"), Set.of());
    }

    public static Caller engineerAndApprover(String name) {
        return new Caller(name + "-id", name, Set.of("elevate-engineer", "elevate-approver"),
                Set.of());
    }

    public static Caller auditor(String name) {
        return new Caller(name + "-id", name, Set.of("elevate-auditor"), Set.of());
    }

    /** Like prod-db-admin: 15 min to 4 h, pending for a day. */
    public static Entitlement entitlementNeedingApprovals(int approvals) {
        Entitlement e = new Entitlement();
        e.key = "prod-db-admin";
        e.name = "Production database admin";
        e.description = "";
        e.connector = "keycloak-realm-role";
        e.target = "prod-db-admin";
        e.minDurationSeconds = Duration.ofMinutes(15).toSeconds();
        e.defaultDurationSeconds = Duration.ofHours(1).toSeconds();
        e.maxDurationSeconds = Duration.ofHours(4).toSeconds();
        e.requiredApprovals = approvals;
        e.pendingTimeoutSeconds = Duration.ofDays(1).toSeconds();
        e.enabled = true;
        e.audiences = List.of(
                new Audience(Audience.Purpose.REQUEST, Audience.Kind.ROLE, "elevate-engineer"),
                new Audience(Audience.Purpose.APPROVE, Audience.Kind.ROLE, "elevate-approver"));
        return e;
    }

    public static AccessRequest pendingRequestFor(Caller requester, Entitlement entitlement) {
        return AccessRequest.submit(entitlement, requester, Duration.ofHours(1),
                "Investigating INC-42", null, NOW);
    }
}
