package dev.elevate.approval;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.CAROL;
import static dev.elevate.testing.DemoUsers.DAVE;
import static dev.elevate.testing.DemoUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import io.quarkus.test.junit.QuarkusTest;

/** No self-approval on any path, distinct people, deny wins, one decision per request. */
@QuarkusTest
class SegregationOfDutiesTest {

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void approve_whenApproverIsRequester_is403AndAudited() {
        String id = api.submit(FRANK, "quick-debug", "PT5M");

        Api.decide(FRANK, id, "approve", "trust me").then().statusCode(403)
                .contentType("application/problem+json")
                .body("reasons", hasItem("You requested this access; someone else must decide"));

        assertThat(Api.state(FRANK, id)).isEqualTo("PENDING");
        assertThat(Database.count(db, "select count(*) from approval where request_id = ?",
                UUID.fromString(id))).isZero();
        assertThat(Database.count(db, "select count(*) from audit_event where request_id = ? "
                + "and type = 'decision.refused' and actor_username = 'frank'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void approve_byNonApprover_is403WithReason_andAudited() {
        String id = api.submit(ALICE, "payments-operator", "PT30M", "PAY-1234");

        Api.decide(DAVE, id, "approve", "").then().statusCode(403)
                .body("reasons[0]", containsString("does not list you right now in any approval step"));

        assertThat(Database.count(db, "select count(*) from audit_event where request_id = ? "
                + "and type = 'decision.refused' and actor_username = 'dave'",
                UUID.fromString(id))).isEqualTo(1);
    }

    @Test
    void deny_withoutComment_is400() {
        String id = api.submit(ALICE, "quick-debug", "PT5M");

        Api.decide(BOB, id, "deny", " ").then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");
    }

    @Test
    void concurrentSubmissions_openOnlyOneRequest() throws Exception {
        Map<String, String> body = Map.of("entitlement", "quick-debug", "duration", "PT5M",
                "justification", "Racing submissions for the same thing");
        java.util.concurrent.ExecutorService pool =
                java.util.concurrent.Executors.newFixedThreadPool(6);
        List<java.util.concurrent.Future<io.restassured.response.Response>> answers =
                new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(pool.submit(() -> Api.as(ALICE).body(body).post("/api/requests")));
        }
        List<Integer> codes = new java.util.ArrayList<>();
        for (var answer : answers) {
            io.restassured.response.Response response = answer.get();
            codes.add(response.statusCode());
            if (response.statusCode() == 201) {
                api.track(ALICE, response.path("id"));
            }
        }
        pool.shutdown();

        assertThat(codes).containsOnly(201, 409);
        assertThat(codes).filteredOn(c -> c == 201).hasSize(1);
    }

    @Test
    void twoApprovalsNeeded_countsDistinctPeople_andSamePersonTwiceIs409() {
        String id = api.submit(ALICE, "payments-operator", "PT30M", "PAY-1234");

        Api.decide(BOB, id, "approve", "first").then().statusCode(200)
                .body("state", equalTo("PENDING"));
        Api.decide(BOB, id, "approve", "again").then().statusCode(409)
                .body("detail", containsString("already decided"));
        Api.decide(CAROL, id, "approve", "second").then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(20));
    }

    @Test
    void anyDeny_endsTheRequest_andNothingDecidesItAgain() {
        String id = api.submit(ALICE, "payments-operator", "PT30M", "PAY-1234");
        Api.decide(BOB, id, "approve", "fine by me").then().statusCode(200);

        Api.decide(CAROL, id, "deny", "not during the freeze").then().statusCode(200)
                .body("state", equalTo("DENIED"));

        Api.decide(FRANK, id, "approve", "late").then().statusCode(409);
        assertThat(Api.state(ALICE, id)).isEqualTo("DENIED");
    }

    @Test
    void approveBody_cannotChangeWhatIsGranted() {
        String id = api.submit(ALICE, "quick-debug", "PT7M");

        Api.as(BOB).body(Map.of("comment", "ok", "duration", "PT10M"))
                .when().post("/api/requests/" + id + "/approve")
                .then().statusCode(400).body("errors[0].field", equalTo("duration"));
        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");

        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(20));

        Map<String, String> grant = Api.as(ALICE).get("/api/requests/" + id)
                .then().extract().path("grant");
        Duration granted = Duration.between(Instant.parse(grant.get("activatedAt")),
                Instant.parse(grant.get("expiresAt")));
        assertThat(granted).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void requestOfSomeoneElse_isInvisibleToAnEngineer() {
        String id = api.submit(FRANK, "quick-debug", "PT5M");

        Api.as(ALICE).get("/api/requests/" + id).then().statusCode(404);
        Api.as(ALICE).post("/api/requests/" + id + "/cancel").then().statusCode(404);
        Api.as(ALICE).get("/api/requests/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void cancel_byApprover_is403_andOnlyRequesterCancels() {
        String id = api.submit(ALICE, "quick-debug", "PT5M");

        Api.as(BOB).post("/api/requests/" + id + "/cancel").then().statusCode(403);
        assertThat(Database.count(db, "select count(*) from audit_event where request_id = ? "
                + "and type = 'request.action_refused' and actor_username = 'bob'",
                UUID.fromString(id))).isEqualTo(1);
        Api.as(ALICE).post("/api/requests/" + id + "/cancel").then().statusCode(200)
                .body("state", equalTo("CANCELLED"));
        Api.decide(BOB, id, "approve", "too late").then().statusCode(409);
        Api.as(ALICE).post("/api/requests/" + id + "/cancel").then().statusCode(409)
                .body("detail", containsString("only a PENDING request can be cancelled"));
    }
}
