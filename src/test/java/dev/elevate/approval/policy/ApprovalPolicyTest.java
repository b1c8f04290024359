package dev.elevate.approval.policy;

import static dev.elevate.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.elevate.approval.Approval;
import dev.elevate.approval.Decision;
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Channel;
import dev.elevate.identity.SignIn;
import dev.elevate.identity.directory.Person;
import dev.elevate.request.AccessRequest;
import dev.elevate.testing.Fixtures;

/** The decision rules, each alone and in combination, on a fixed clock. */
class ApprovalPolicyTest {

    private static final String GOLD = "gold";
    private static final Person BOB = Fixtures.person("bob", Set.of("/approvers", "/dba/leads"),
            Set.of("elevate-approver"));
    private static final Person CAROL = Fixtures.person("carol",
            Set.of("/approvers", "/security/leads"), Set.of("elevate-approver"));
    private static final Person FRANK = Fixtures.person("frank", Set.of("/approvers"),
            Set.of("elevate-approver", "elevate-engineer"));
    private static final Person DAVE = Fixtures.person("dave", Set.of(), Set.of());

    private static final AccessPolicy TWO_TEAMS = Fixtures.policy()
            .step("dba-lead", Set.of("/dba"), Set.of(), 1)
            .step("security", Set.of("/security"), Set.of(), 1)
            .build();
    private static final AccessPolicy ANY_TWO = Fixtures.policy()
            .step("approvers", Set.of("/approvers"), Set.of(), 2)
            .build();

    private final AccessRequest request = Fixtures.pendingRequestFor(Fixtures.engineer("alice"),
            TWO_TEAMS);

    /** Who decides, what was cast before, and whether it is allowed and completes. */
    static Stream<Arguments> steps() {
        return Stream.of(
                Arguments.of("first of two teams counts, does not complete", TWO_TEAMS,
                        List.of(), BOB, true, false, Set.of("dba-lead")),
                Arguments.of("second team completes", TWO_TEAMS, List.of(BOB), CAROL, true, true,
                        Set.of("security")),
                Arguments.of("same team twice does not count", TWO_TEAMS,
                        List.of(Fixtures.person("boris", Set.of("/dba"), Set.of())), BOB, false,
                        false, Set.of()),
                Arguments.of("outside every step is refused", TWO_TEAMS, List.of(), FRANK, false,
                        false, Set.of()),
                Arguments.of("any two of a group: first", ANY_TWO, List.of(), BOB, true, false,
                        Set.of("approvers")),
                Arguments.of("any two of a group: second distinct person", ANY_TWO,
                        List.of(CAROL), BOB, true, true, Set.of("approvers")),
                Arguments.of("nobody outside the directory", ANY_TWO, List.of(), DAVE, false,
                        false, Set.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void approvalSteps(String title, AccessPolicy policy, List<Person> before, Person decider,
            boolean mayApprove, boolean completes, Set<String> countsFor) {
        AccessRequest pending = Fixtures.pendingRequestFor(Fixtures.engineer("alice"), policy);

        PolicyEvaluation evaluation = evaluate(pending, policy, approvals(policy, before),
                decider);

        assertThat(evaluation.allows(true)).as(title).isEqualTo(mayApprove);
        assertThat(evaluation.completes()).as(title).isEqualTo(completes);
        assertThat(evaluation.countsFor()).as(title).isEqualTo(countsFor);
    }

    @Test
    void onePersonInTwoSteps_countsOnce_andTheMatchingKeepsTheBestAssignment() {
        Person both = Fixtures.person("erik", Set.of("/dba", "/security"), Set.of());
        // erik could count for either step; after him, bob (dba only) must still be useful,
        // because erik can move to security.
        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS,
                approvals(TWO_TEAMS, List.of(both)), BOB);

        assertThat(evaluation.allows(true)).isTrue();
        assertThat(evaluation.completes()).isTrue();
        assertThat(evaluation.approvalsGiven()).isEqualTo(1);
    }

    @Test
    void progress_namesWhatIsStillMissing() {
        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS,
                approvals(TWO_TEAMS, List.of(BOB)), CAROL);

        assertThat(evaluation.progress()).isEqualTo("1 of 2 approvals; dba-lead: 1 of 1, met; "
                + "security: 0 of 1; needs 1 more from group /security");
        assertThat(check(evaluation, "approval-counts").explanation())
                .isEqualTo("Your approval would count for step security and complete the request");
    }

    @Test
    void firstApproval_saysWhatIsStillNeededAfterIt() {
        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS, List.of(), BOB);

        assertThat(check(evaluation, "approval-counts").explanation())
                .isEqualTo("Your approval would count for step dba-lead; still needed after "
                        + "it: 1 more from security (group /security)");
    }

    @Test
    void fullStep_refusesTheApprovalButStillAllowsADenial() {
        Person boris = Fixtures.person("boris", Set.of("/dba"), Set.of());
        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS,
                approvals(TWO_TEAMS, List.of(boris)), BOB);

        assertThat(evaluation.allows(true)).isFalse();
        assertThat(evaluation.allows(false)).isTrue();
        assertThat(evaluation.unmet(PolicyCheck.Kind.APPROVE_ONLY)).containsExactly(
                "The steps you belong to are full already; still needed: 1 more from security "
                        + "(group /security)");
    }

    @Test
    void requester_isRefusedEvenWhenInTheGroup() {
        AccessRequest own = Fixtures.pendingRequestFor(Fixtures.engineerAndApprover("bob"),
                ANY_TWO);

        PolicyEvaluation evaluation = evaluate(own, ANY_TWO, List.of(), BOB);

        assertThat(evaluation.unmet(PolicyCheck.Kind.APPROVER))
                .containsExactly("You requested this access; someone else must decide");
    }

    @Test
    void removedFromTheGroup_isRefused_whateverTheTokenSaid() {
        Person bobNow = Fixtures.person("bob", Set.of(), Set.of());

        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS, List.of(), bobNow);

        assertThat(evaluation.allows(false)).isFalse();
        assertThat(check(evaluation, "approver-step").explanation())
                .startsWith("Keycloak does not list you right now in any approval step");
    }

    @Test
    void unknownOrDisabledInKeycloak_isRefused() {
        Decider gone = new Decider("bob-id", "bob", Optional.empty(), Set.of(), SignIn.UNKNOWN);

        PolicyEvaluation evaluation = ApprovalPolicy.evaluate(request, TWO_TEAMS, List.of(), gone,
                NOW.plusSeconds(60), GOLD);

        assertThat(check(evaluation, "approver-in-keycloak").met()).isFalse();
    }

    @Test
    void afterPendingWindow_isAStateConflict() {
        PolicyEvaluation evaluation = ApprovalPolicy.evaluate(request, TWO_TEAMS, List.of(),
                decider(BOB, Set.of(), SignIn.UNKNOWN), NOW.plus(Duration.ofDays(2)), GOLD);

        assertThat(evaluation.unmet(PolicyCheck.Kind.STATE))
                .containsExactly("The pending window closed at 2026-12-05 10:00:00 UTC");
    }

    @Test
    void alreadyDecided_isAStateConflict() {
        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS,
                approvals(TWO_TEAMS, List.of(BOB)), BOB);

        assertThat(evaluation.unmet(PolicyCheck.Kind.STATE))
                .containsExactly("You have already decided on this request");
    }

    /** Step-up: the acr must be the second-factor one and the sign-in recent enough. */
    static Stream<Arguments> stepUp() {
        Instant now = NOW.plusSeconds(60);
        return Stream.of(
                Arguments.of("gold, 1 min ago", new SignIn(GOLD, now.minusSeconds(60)), true),
                Arguments.of("gold, exactly 5 min ago", new SignIn(GOLD, now.minusSeconds(300)),
                        true),
                Arguments.of("gold, 5 min 1 s ago", new SignIn(GOLD, now.minusSeconds(301)),
                        false),
                Arguments.of("silver, just now", new SignIn("silver", now), false),
                Arguments.of("no acr", new SignIn(null, now), false),
                Arguments.of("gold without auth_time", new SignIn(GOLD, null), false),
                Arguments.of("auth_time in the future", new SignIn(GOLD, now.plusSeconds(600)),
                        false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stepUp")
    void stepUp(String title, SignIn signIn, boolean allowed) {
        AccessPolicy policy = Fixtures.policy().step("approvers", Set.of("/approvers"), Set.of(), 1)
                .stepUp(Duration.ofMinutes(5)).build();
        AccessRequest pending = Fixtures.pendingRequestFor(Fixtures.engineer("alice"), policy);

        PolicyEvaluation evaluation = ApprovalPolicy.evaluate(pending, policy, List.of(),
                decider(BOB, Set.of(), signIn), NOW.plusSeconds(60), GOLD);

        assertThat(evaluation.allows(true)).as(title).isEqualTo(allowed);
        if (!allowed) {
            assertThat(evaluation.unmet(PolicyCheck.Kind.STEP_UP)).as(title).hasSize(1);
            assertThat(evaluation.unmet(PolicyCheck.Kind.APPROVER)).as(title).isEmpty();
        }
    }

    @Test
    void approverHoldingTheEntitlementOrAConflict_isRefusedWhenThePolicySays() {
        AccessPolicy strict = Fixtures.policy().step("approvers", Set.of("/approvers"), Set.of(), 1)
                .conflictsWith("payments-release-approve").approversMustNotHold().build();
        AccessPolicy lenient = Fixtures.policy()
                .step("approvers", Set.of("/approvers"), Set.of(), 1).build();
        AccessRequest pending = Fixtures.pendingRequestFor(Fixtures.engineer("alice"), strict);

        for (Set<String> held : List.of(Set.of("prod-db-admin"),
                Set.of("payments-release-approve"))) {
            PolicyEvaluation refused = ApprovalPolicy.evaluate(pending, strict, List.of(),
                    decider(BOB, held, SignIn.UNKNOWN), NOW.plusSeconds(60), GOLD);
            assertThat(refused.unmet(PolicyCheck.Kind.APPROVER)).as("holding %s", held)
                    .containsExactly("Refused: you hold " + held.iterator().next()
                            + " yourself, and this policy bars holders from approving");
            assertThat(ApprovalPolicy.evaluate(pending, lenient, List.of(),
                    decider(BOB, held, SignIn.UNKNOWN), NOW.plusSeconds(60), GOLD)
                    .allows(true)).as("lenient, holding %s", held).isTrue();
        }
        assertThat(ApprovalPolicy.evaluate(pending, strict, List.of(),
                decider(BOB, Set.of("staging-debug"), SignIn.UNKNOWN), NOW.plusSeconds(60), GOLD)
                .allows(true)).isTrue();
    }

    @Test
    void everyRule_isExplainedEvenWhenMet() {
        PolicyEvaluation evaluation = evaluate(request, TWO_TEAMS, List.of(), BOB);

        assertThat(evaluation.checks()).extracting(PolicyCheck::rule).containsExactly(
                "pending", "pending-window", "one-decision-per-person", "not-requester",
                "approver-in-keycloak", "approver-step", "approval-counts");
        assertThat(evaluation.checks()).allSatisfy(c -> {
            assertThat(c.met()).isTrue();
            assertThat(c.explanation()).isNotBlank();
        });
    }

    @Test
    void isMet_followsTheRecordedSteps() {
        assertThat(ApprovalPolicy.isMet(TWO_TEAMS, approvals(TWO_TEAMS, List.of(BOB)))).isFalse();
        assertThat(ApprovalPolicy.isMet(TWO_TEAMS, approvals(TWO_TEAMS, List.of(BOB, CAROL))))
                .isTrue();
    }

    private static PolicyCheck check(PolicyEvaluation evaluation, String rule) {
        return evaluation.checks().stream().filter(c -> c.rule().equals(rule)).findFirst()
                .orElseThrow();
    }

    private static PolicyEvaluation evaluate(AccessRequest request, AccessPolicy policy,
            List<Approval> cast, Person person) {
        return ApprovalPolicy.evaluate(request, policy, cast,
                decider(person, Set.of(), SignIn.UNKNOWN), NOW.plusSeconds(60), GOLD);
    }

    private static Decider decider(Person person, Set<String> held, SignIn signIn) {
        return new Decider(person.subject(), person.username(), Optional.of(person), held,
                signIn);
    }

    private List<Approval> approvals(AccessPolicy policy, List<Person> people) {
        List<Approval> cast = new ArrayList<>();
        for (Person p : people) {
            cast.add(new Approval(request.id(), new Actor(p.subject(), p.username(), Channel.API),
                    Decision.APPROVE, "", NOW, ApprovalPolicy.stepsFor(policy, p)));
        }
        return cast;
    }
}
