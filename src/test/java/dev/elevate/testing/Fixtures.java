package dev.elevate.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.ApprovalStep;
import dev.elevate.entitlement.policy.AutoApprovalRule;
import dev.elevate.entitlement.policy.BreakGlassRule;
import dev.elevate.entitlement.policy.DurationRule;
import dev.elevate.entitlement.policy.ExtensionRule;
import dev.elevate.entitlement.policy.Principals;
import dev.elevate.entitlement.policy.Risk;
import dev.elevate.entitlement.policy.StepUpRule;
import dev.elevate.identity.Caller;
import dev.elevate.identity.directory.Person;
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

    /** Keycloak's view of a person, with these group paths and realm roles. */
    public static Person person(String name, Set<String> groups, Set<String> roles) {
        return new Person(name + "-id", name, true, groups, roles);
    }

    /** A policy like prod-db-admin's: 15 min to 4 h, pending for a day, one approval step. */
    public static PolicyBuilder policy() {
        return new PolicyBuilder();
    }

    /** The one-step policy of {@code approvals} people holding elevate-approver. */
    public static AccessPolicy policyNeedingApprovals(int approvals) {
        return policy().step("approvers", Set.of(), Set.of("elevate-approver"), approvals)
                .build();
    }

    public static AccessRequest pendingRequestFor(Caller requester, AccessPolicy policy) {
        return AccessRequest.submit(policy.entitlement(), policy, 1L, requester,
                Duration.ofHours(1), "Investigating INC-42", null, null, NOW);
    }

    /** Builds an {@link AccessPolicy} field by field; unset fields take plain defaults. */
    public static final class PolicyBuilder {
        private Risk risk = Risk.MEDIUM;
        private boolean ticket;
        private final List<ApprovalStep> steps = new ArrayList<>();
        private List<String> conflicts = List.of();
        private boolean mustNotHold;
        private StepUpRule stepUp = StepUpRule.NONE;
        private final List<AutoApprovalRule> auto = new ArrayList<>();
        private ExtensionRule extensions = ExtensionRule.NONE;
        private BreakGlassRule breakGlass = BreakGlassRule.NONE;

        public PolicyBuilder step(String name, Set<String> groups, Set<String> roles,
                int approvals) {
            steps.add(new ApprovalStep(name, new Principals(List.copyOf(groups),
                    List.copyOf(roles)), approvals));
            return this;
        }

        public PolicyBuilder risk(Risk value) {
            risk = value;
            return this;
        }

        public PolicyBuilder ticketRequired() {
            ticket = true;
            return this;
        }

        public PolicyBuilder conflictsWith(String... keys) {
            conflicts = List.of(keys);
            return this;
        }

        public PolicyBuilder approversMustNotHold() {
            mustNotHold = true;
            return this;
        }

        public PolicyBuilder stepUp(Duration maxAge) {
            stepUp = new StepUpRule(true, maxAge);
            return this;
        }

        public PolicyBuilder autoApproval(AutoApprovalRule rule) {
            auto.add(rule);
            return this;
        }

        public PolicyBuilder extensions(ExtensionRule rule) {
            extensions = rule;
            return this;
        }

        public PolicyBuilder breakGlass(Duration reviewWithin) {
            breakGlass = new BreakGlassRule(true, reviewWithin);
            return this;
        }

        public AccessPolicy build() {
            List<ApprovalStep> all = steps.isEmpty() ? List.of(new ApprovalStep("approvers",
                    new Principals(List.of(), List.of("elevate-approver")), 1)) : steps;
            return new AccessPolicy("prod-db-admin", risk,
                    new Principals(List.of(), List.of("elevate-engineer")),
                    new DurationRule(Duration.ofMinutes(15), Duration.ofHours(1),
                            Duration.ofHours(4)),
                    Duration.ofDays(1), ticket, all, conflicts, mustNotHold, stepUp, auto,
                    extensions, breakGlass, Duration.ofDays(7));
        }

        /** An auto-approval rule for members of the group, any time. */
        public static AutoApprovalRule anyTime(String name, String group) {
            return new AutoApprovalRule(name, new Principals(List.of(group), List.of()),
                    Duration.ofHours(1), Optional.empty());
        }
    }
}
