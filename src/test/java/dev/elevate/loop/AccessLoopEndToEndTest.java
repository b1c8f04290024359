package dev.elevate.loop;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.elevate.testing.Api;
import dev.elevate.testing.KeycloakClient;
import dev.elevate.testing.TestStack;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The whole loop on real parts: alice asks through the API, Slack (a local sink) is told, bob
 * approves, Keycloak shows alice holding the realm role, and the scheduler takes it away again.
 */
@QuarkusTest
class AccessLoopEndToEndTest {

    private static final String ROLE = "staging-debug";
    private final Api api = new Api();

    @BeforeEach
    void aliceStartsWithoutTheRole() {
        if (KeycloakClient.realmRoles(ALICE).contains(ROLE)) {
            KeycloakClient.removeRealmRole(ALICE, ROLE);
        }
    }

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void requestApproveGrantExpire_onRealKeycloak() throws Exception {
        String id = api.submit(ALICE, "quick-debug", "PT4S");

        Api.await(() -> TestStack.slack().about(id).isPresent(), Duration.ofSeconds(15),
                () -> "the Slack message");
        JsonNode message = new ObjectMapper().readTree(TestStack.slack().about(id).get());
        assertThat(message.toString()).contains(id).contains("alice").contains("quick-debug");
        String link = message.at("/blocks").findValue("url").asText();
        assertThat(link).isEqualTo("http://127.0.0.1:8081/approvals/" + id + "?via=slack");

        Api.decide(BOB, id, "approve", "ok for the incident").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(20));
        assertThat(KeycloakClient.realmRoles(ALICE)).contains(ROLE);

        Api.awaitState(ALICE, id, "EXPIRED", Duration.ofSeconds(30));
        assertThat(KeycloakClient.realmRoles(ALICE)).doesNotContain(ROLE);

        List<String> types = Api.as(DAVE).queryParam("request", id)
                .when().get("/api/audit")
                .then().statusCode(200)
                .body("[0].type", equalTo("request.submitted"))
                .extract().jsonPath().getList("type");
        assertThat(types).containsSubsequence("request.submitted", "approval.recorded",
                "request.approved", "grant.activated", "grant.revocation_started",
                "grant.expired");
        assertThat(types).contains("notification.sent");
    }

    @Test
    void twoGrantsOfOneRole_revokingOneKeepsTheRoleForTheOther() {
        String first = api.submit(ALICE, "quick-debug", "PT10M");
        String second = api.submit(ALICE, "staging-debug", "PT10M");
        Api.decide(BOB, first, "approve", "go").then().statusCode(200);
        Api.decide(BOB, second, "approve", "go").then().statusCode(200);
        Api.awaitState(ALICE, first, "ACTIVE", Duration.ofSeconds(20));
        Api.awaitState(ALICE, second, "ACTIVE", Duration.ofSeconds(20));

        Api.as(ALICE).when().post("/api/requests/" + first + "/revoke").then().statusCode(202);
        Api.awaitState(ALICE, first, "REVOKED", Duration.ofSeconds(20));

        assertThat(KeycloakClient.realmRoles(ALICE)).contains(ROLE);
        assertThat(Api.state(ALICE, second)).isEqualTo("ACTIVE");

        Api.as(ALICE).when().post("/api/requests/" + second + "/revoke").then().statusCode(202);
        Api.awaitState(ALICE, second, "REVOKED", Duration.ofSeconds(20));
        assertThat(KeycloakClient.realmRoles(ALICE)).doesNotContain(ROLE);
    }

    @Test
    void earlyRevoke_removesRoleAndEndsRevoked() {
        String id = api.submit(ALICE, "quick-debug", "PT10M");
        Api.decide(BOB, id, "approve", "go").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(20));
        assertThat(KeycloakClient.realmRoles(ALICE)).contains(ROLE);

        Api.as(ALICE).when().post("/api/requests/" + id + "/revoke")
                .then().statusCode(202);

        Api.awaitState(ALICE, id, "REVOKED", Duration.ofSeconds(20));
        assertThat(KeycloakClient.realmRoles(ALICE)).doesNotContain(ROLE);
    }
}
