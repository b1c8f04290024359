package dev.elevate.approval.policy;

import static dev.elevate.testing.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.elevate.approval.Approval;
import dev.elevate.approval.Decision;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.request.AccessRequest;
import dev.elevate.testing.Fixtures;

class ApprovalPolicyTest {

    private final Caller alice = Fixtures.engineer("alice");
    private final Caller bob = Fixtures.approver("bob");
    private final Caller carol = Fixtures.approver("carol");

    @Nested
    class WhoMayDecide {

        private final Entitlement entitlement = Fixtures.entitlementNeedingApprovals(1);
        private final AccessRequest request = Fixtures.pendingRequestFor(alice, entitlement);

        @Test
        void approverInAudience_mayDecide() {
            PolicyEvaluation evaluation = evaluate(request, entitlement, List.of(), bob);

            assertThat(evaluation.allowsDecision()).isTrue();
            assertThat(evaluation.oneMoreApproves()).isTrue();
        }

        @Test
        void decide_whenApproverIsRequester_isRefusedWithReason() {
            Caller frank = Fixtures.engineerAndApprover("frank");
            AccessRequest own = Fixtures.pendingRequestFor(frank, entitlement);

            PolicyEvaluation evaluation = evaluate(own, entitlement, List.of(), frank);

            assertThat(evaluation.allowsDecision()).isFalse();
            assertThat(evaluation.unmet(PolicyCheck.Kind.APPROVER))
                    .containsExactly("You requested this access; someone else must decide");
        }

        @Test
        void decide_whenOutsideApprovingAudience_isRefused() {
            PolicyEvaluation evaluation = evaluate(request, entitlement, List.of(),
                    Fixtures.auditor("dave"));

            assertThat(evaluation.unmet(PolicyCheck.Kind.APPROVER)).singleElement()
                    .asString().contains("Only role elevate-approver");
        }

        @Test
        void decide_afterPendingWindow_isAStateConflict() {
            PolicyEvaluation evaluation = ApprovalPolicy.evaluate(request, entitlement, List.of(),
                    bob, request.pendingUntil());

            assertThat(evaluation.unmet(PolicyCheck.Kind.STATE)).singleElement()
                    .asString().startsWith("The pending window closed");
        }

        @Test
        void decide_whenAlreadyDecided_isAStateConflict() {
            List<Approval> cast = List.of(approval(request, bob, Decision.APPROVE));

            PolicyEvaluation evaluation = evaluate(request, entitlement, cast, bob);

            assertThat(evaluation.unmet(PolicyCheck.Kind.STATE))
                    .containsExactly("You have already decided on this request");
        }

        @Test
        void everyRule_isExplainedEvenWhenMet() {
            PolicyEvaluation evaluation = evaluate(request, entitlement, List.of(), bob);

            assertThat(evaluation.checks()).extracting(PolicyCheck::rule).containsExactly(
                    "pending", "pending-window", "not-requester", "approver-audience",
                    "one-decision-per-person");
        }
    }

    @Nested
    class HowManyApprove {

        private final Entitlement twoPeople = Fixtures.entitlementNeedingApprovals(2);
        private final AccessRequest request = Fixtures.pendingRequestFor(alice, twoPeople);

        @Test
        void firstOfTwo_doesNotApproveYet() {
            PolicyEvaluation evaluation = evaluate(request, twoPeople, List.of(), bob);

            assertThat(evaluation.oneMoreApproves()).isFalse();
            assertThat(evaluation.progress())
                    .isEqualTo("0 of 2 approvals given; needs 2 more from role elevate-approver");
        }

        @Test
        void secondDistinctPerson_approves() {
            List<Approval> cast = List.of(approval(request, bob, Decision.APPROVE));

            PolicyEvaluation evaluation = evaluate(request, twoPeople, cast, carol);

            assertThat(evaluation.allowsDecision()).isTrue();
            assertThat(evaluation.oneMoreApproves()).isTrue();
        }

        @Test
        void samePersonTwice_countsOnce() {
            List<Approval> cast = List.of(approval(request, bob, Decision.APPROVE),
                    approval(request, bob, Decision.APPROVE));

            assertThat(evaluate(request, twoPeople, cast, carol).approvalsGiven()).isEqualTo(1);
        }
    }

    private static PolicyEvaluation evaluate(AccessRequest request, Entitlement entitlement,
            List<Approval> cast, Caller approver) {
        return ApprovalPolicy.evaluate(request, entitlement, cast, approver, NOW.plusSeconds(60));
    }

    private static Approval approval(AccessRequest request, Caller approver, Decision decision) {
        return new Approval(request.id(), approver.via(Channel.API), decision, "", NOW);
    }
}
