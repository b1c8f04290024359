package dev.elevate.request;

import static dev.elevate.request.RequestState.ACTIVE;
import static dev.elevate.request.RequestState.APPROVED;
import static dev.elevate.request.RequestState.CANCELLED;
import static dev.elevate.request.RequestState.DENIED;
import static dev.elevate.request.RequestState.EXPIRED;
import static dev.elevate.request.RequestState.PENDING;
import static dev.elevate.request.RequestState.REVOKED;
import static dev.elevate.request.RequestState.REVOKING;
import static dev.elevate.request.RequestState.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.elevate.testing.Fixtures;

class RequestStateTest {

    @Test
    void transitions_areExactlyTheDocumentedOnes() {
        assertThat(successors(PENDING)).containsExactlyInAnyOrder(DENIED, CANCELLED, TIMED_OUT,
                APPROVED);
        assertThat(successors(APPROVED)).containsExactlyInAnyOrder(ACTIVE, REVOKING);
        assertThat(successors(ACTIVE)).containsExactly(REVOKING);
        assertThat(successors(REVOKING)).containsExactlyInAnyOrder(EXPIRED, REVOKED);
    }

    @ParameterizedTest
    @EnumSource(names = {"DENIED", "CANCELLED", "TIMED_OUT", "EXPIRED", "REVOKED"})
    void endStates_areTerminal(RequestState state) {
        assertThat(state.isTerminal()).isTrue();
        assertThat(successors(state)).isEmpty();
    }

    @Test
    void active_neverEndsWithoutRevoking() {
        assertThat(ACTIVE.canBecome(EXPIRED)).isFalse();
        assertThat(ACTIVE.canBecome(REVOKED)).isFalse();
    }

    @Nested
    class OnAnAccessRequest {

        private final AccessRequest request = Fixtures.pendingRequestFor(
                Fixtures.engineer("alice"), Fixtures.policyNeedingApprovals(1));

        @Test
        void submit_startsPendingWithDeadlineFromEntitlement() {
            assertThat(request.state()).isEqualTo(PENDING);
            assertThat(request.pendingUntil()).isEqualTo(Fixtures.NOW.plusSeconds(86400));
        }

        @Test
        void approveTwice_isAConflict() {
            request.approve(Fixtures.NOW);

            assertThatThrownBy(() -> request.approve(Fixtures.NOW))
                    .isInstanceOf(RequestConflictException.class)
                    .hasMessageContaining("APPROVED");
        }

        @Test
        void deniedRequest_cannotBeActivated() {
            request.deny(Fixtures.NOW);

            assertThatThrownBy(request::activate).isInstanceOf(RequestConflictException.class);
            assertThat(request.endedAt()).isEqualTo(Fixtures.NOW);
        }

        @Test
        void fullLife_endsExpiredOrRevoked() {
            request.approve(Fixtures.NOW);
            request.activate();
            request.startRevocation();
            request.finishRevocation(false, Fixtures.NOW.plusSeconds(3600));

            assertThat(request.state()).isEqualTo(EXPIRED);
        }

        @Test
        void isPendingPast_onlyAtOrAfterDeadline() {
            assertThat(request.isPendingPast(request.pendingUntil().minusMillis(1))).isFalse();
            assertThat(request.isPendingPast(request.pendingUntil())).isTrue();
        }
    }

    private static Set<RequestState> successors(RequestState from) {
        Set<RequestState> next = EnumSet.noneOf(RequestState.class);
        for (RequestState to : RequestState.values()) {
            if (from.canBecome(to)) {
                next.add(to);
            }
        }
        return next;
    }
}
