package dev.elevate.grant;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** A grant the target refuses stays APPROVED, is retried, and says why on every read. */
@QuarkusTest
class GrantFailureTest {

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void refusedGrant_isRetriedAndVisible_neverReportedActive() {
        String id = api.submit(ALICE, "broken-target", "PT1M");
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);

        Api.await(() -> failedAttempts(id) >= 2, Duration.ofSeconds(30),
                () -> "two failed grant attempts");

        assertThat(Api.state(ALICE, id)).isEqualTo("APPROVED");
        String lastError = Api.as(ALICE).get("/api/requests/" + id)
                .then().extract().path("grant.lastError");
        assertThat(lastError).contains("no-such-role").contains("HTTP 404");
        List<String> types = Api.as(DAVE).queryParam("request", id).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("type");
        assertThat(types).filteredOn("grant.activation_failed"::equals).hasSizeGreaterThan(1);
        assertThat(types).doesNotContain("grant.activated");
    }

    @Test
    void grantThatNeverSucceeds_endsRevoked_afterTheLastAttempt() {
        String id = api.submit(ALICE, "broken-target", "PT1M");
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);

        Api.awaitState(ALICE, id, "REVOKED", Duration.ofSeconds(40));

        List<String> types = Api.as(DAVE).queryParam("request", id).get("/api/audit")
                .then().statusCode(200).extract().jsonPath().getList("type");
        assertThat(types).filteredOn("grant.activation_failed"::equals).hasSize(4);
        assertThat(types).containsSubsequence("grant.activation_failed",
                "grant.revocation_started", "grant.revoked");
        assertThat(types).doesNotContain("grant.activated");
        String endReason = Api.as(ALICE).get("/api/requests/" + id)
                .then().extract().path("grant.endReason");
        assertThat(endReason).isEqualTo("ACTIVATION_FAILED");
    }

    @Test
    void revokingAFailedGrant_endsRevoked_becauseNothingIsHeld() {
        String id = api.submit(ALICE, "broken-target", "PT1M");
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);
        Api.await(() -> failedAttempts(id) >= 1, Duration.ofSeconds(30),
                () -> "a failed grant attempt");

        Api.as(ALICE).post("/api/requests/" + id + "/revoke").then().statusCode(202);

        Api.awaitState(ALICE, id, "REVOKED", Duration.ofSeconds(20));
    }

    private static int failedAttempts(String id) {
        Integer attempts = Api.as(ALICE).get("/api/requests/" + id)
                .then().extract().path("grant.failedAttempts");
        return attempts == null ? 0 : attempts;
    }
}
