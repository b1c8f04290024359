package dev.elevate.grant;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.CAROL;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.scheduling.JobKind;
import dev.elevate.scheduling.JobScheduler;
import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * More time on an active grant: within the policy's count and cap, at once or after approvers
 * agree, and always with exactly one revoke job, at the new end.
 */
@QuarkusTest
class GrantExtensionTest {

    private static final String PROBLEM = "application/problem+json";
    private static final Duration ACTIVATION = Duration.ofSeconds(20);

    @Inject
    DataSource db;

    @Inject
    JobScheduler jobs;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void withoutApproval_theEndMovesAtOnce_withTheOneRevokeJob_untilTheCountRunsOut() {
        String id = activeGrant("extend-debug");
        UUID request = UUID.fromString(id);
        Instant end = expiresAt(id);

        extend(ALICE, id, "PT2M").then().statusCode(200)
                .body("extensions", hasSize(1))
                .body("extensions[0].state", equalTo("APPROVED"))
                .body("extensions[0].duration", equalTo("PT2M"));
        Instant first = expiresAt(id);
        assertThat(first).isEqualTo(end.plus(Duration.ofMinutes(2)));
        assertOneRevokeJobAt(id, first);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extended' and actor_username = 'alice' "
                + "and details->>'extension' = '1' and details->>'extendedBy' = 'PT2M' "
                + "and details->>'approvers' is null", request)).isEqualTo(1);

        extend(ALICE, id, "PT2M").then().statusCode(200);
        Instant second = expiresAt(id);
        assertThat(second).isEqualTo(first.plus(Duration.ofMinutes(2)));
        assertOneRevokeJobAt(id, second);

        // Both used up: the page no longer offers the form.
        page(ALICE).get("/requests/" + id).then().statusCode(200)
                .body(not(containsString("id=\"extend\"")));
        long mark = lastAuditId();
        extend(ALICE, id, "PT1M").then().statusCode(403).contentType(PROBLEM)
                .body("reasons", hasItem("Already extended 2 time(s), the most this policy "
                        + "allows"));
        assertThat(expiresAt(id)).isEqualTo(second);
        assertThat(count("select count(*) from grant_extension where request_id = ?", request))
                .isEqualTo(2);
        assertThat(count("select count(*) from audit_event where id > ? and request_id = ? "
                + "and type = 'request.action_refused' and details->>'action' = 'extend' "
                + "and details->>'reason' like 'Already extended%'", mark, request))
                .isEqualTo(1);
    }

    @Test
    void overTheTotalCap_orBadInput_isRefused_andNothingMoves() {
        String id = activeGrant("extend-debug");
        UUID request = UUID.fromString(id);
        Instant end = expiresAt(id);

        // One minute granted so far; thirty more would make 31 minutes against a cap of 20.
        extend(ALICE, id, "PT30M").then().statusCode(403).contentType(PROBLEM)
                .body("reasons[0]", containsString(
                        "over this policy's cap of PT20M"));
        Api.as(ALICE).body(Map.of("duration", "soon", "reason", "x"))
                .when().post("/api/requests/" + id + "/extend")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("duration"))
                .body("errors.field", hasItem("reason"));
        extend(BOB, id, "PT1M").then().statusCode(403).contentType(PROBLEM);

        assertThat(expiresAt(id)).isEqualTo(end);
        assertOneRevokeJobAt(id, end);
        assertThat(count("select count(*) from grant_extension where request_id = ?", request))
                .isZero();
    }

    @Test
    void withApproval_waitsForAnotherApprover_thenTheEndAndTheRevokeJobMove() {
        String id = activeGrant("extend-approved");
        UUID request = UUID.fromString(id);
        Instant end = expiresAt(id);

        Response asked = extend(ALICE, id, "PT5M");
        asked.then().statusCode(202)
                .body("extensions[0].state", equalTo("PENDING"));
        assertThat(Instant.parse(asked.path("grant.expiresAt"))).isEqualTo(end);
        String extension = asked.path("extensions[0].id");
        assertThat(expiresAt(id)).isEqualTo(end);
        assertOneRevokeJobAt(id, end);
        assertThat(count("select count(*) from notification_outbox where request_id = ? "
                + "and summary like '%asks to extend%' and link like ?", request, "%" + id + "%"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extension_requested' and details->>'extensionId' = ?",
                request, extension)).isEqualTo(1);

        Api.as(CAROL).when().get("/api/requests/" + id + "/rules").then().statusCode(200)
                .body("extension", equalTo(extension))
                .body("decision.mayApprove", equalTo(false))
                .body("extensionDecision.mayApprove", equalTo(true))
                .body("extensionDecision.progress", containsString("0 of 1 approvals"));
        Api.as(ALICE).when().get("/api/requests/" + id + "/rules").then().statusCode(200)
                .body("extensionDecision.checks.find { it.rule == 'not-requester' }.met",
                        equalTo(false));

        // One waits at a time, and the requester is never their own approver.
        extend(ALICE, id, "PT1M").then().statusCode(409).contentType(PROBLEM);
        decideExtension(ALICE, id, extension, "approve", "").then().statusCode(403)
                .contentType(PROBLEM)
                .body("reasons", hasItem("You requested this access; someone else must decide"));

        decideExtension(CAROL, id, extension, "approve", "fine, finish the migration")
                .then().statusCode(200)
                .body("extensions[0].state", equalTo("APPROVED"))
                .body("extensions[0].decisions[0].approver", equalTo("carol"))
                // The request's own decisions are bob's alone: the extension counts apart.
                .body("decisions", hasSize(1))
                .body("decisions[0].approver", equalTo("bob"));
        Instant extended = expiresAt(id);
        assertThat(extended).isEqualTo(end.plus(Duration.ofMinutes(5)));
        assertOneRevokeJobAt(id, extended);
        assertThat(count("select count(*) from approval where request_id = ? "
                + "and extension_id = ?::uuid and approver_username = 'carol'", request,
                extension)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extended' and actor_username = 'carol' "
                + "and details->>'extensionId' = ? and details->'approvers' = '[\"carol\"]'",
                request, extension)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'decision.refused' and actor_username = 'alice' "
                + "and details->>'extensionId' = ?", request, extension)).isEqualTo(1);
    }

    @Test
    void deniedWithdrawnOrOutlived_leavesTheEndAlone_andIsAudited() {
        String id = activeGrant("extend-approved");
        UUID request = UUID.fromString(id);
        Instant end = expiresAt(id);

        String denied = extend(ALICE, id, "PT2M").then().statusCode(202).extract()
                .path("extensions[0].id");
        decideExtension(BOB, id, denied, "deny", "").then().statusCode(400)
                .body("errors.field", hasItem("comment"));
        decideExtension(BOB, id, denied, "deny", "wrap up and hand over instead")
                .then().statusCode(200).body("extensions[0].state", equalTo("DENIED"));
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extension_denied' and actor_username = 'bob' "
                + "and details->>'comment' = 'wrap up and hand over instead'", request))
                .isEqualTo(1);

        String withdrawn = extend(ALICE, id, "PT2M").then().statusCode(202).extract()
                .path("extensions[1].id");
        Api.as(BOB).when().post("/api/requests/" + id + "/extensions/" + withdrawn + "/withdraw")
                .then().statusCode(403);
        Api.as(ALICE).when().post("/api/requests/" + id + "/extensions/" + withdrawn
                + "/withdraw").then().statusCode(200)
                .body("extensions[1].state", equalTo("WITHDRAWN"));

        String outlived = extend(ALICE, id, "PT2M").then().statusCode(202).extract()
                .path("extensions[2].id");
        Api.as(ALICE).body(Map.of("reason", "done early")).when()
                .post("/api/requests/" + id + "/revoke").then().statusCode(202);
        assertThat(Api.as(ALICE).when().get("/api/requests/" + id).then().statusCode(200)
                .extract().<String>path("extensions[2].state")).isEqualTo("EXPIRED");
        decideExtension(CAROL, id, outlived, "approve", "").then().statusCode(409)
                .contentType(PROBLEM);
        decideExtension(CAROL, id, UUID.randomUUID().toString(), "approve", "")
                .then().statusCode(404).contentType(PROBLEM);

        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extension_expired' and details->>'extensionId' = ? "
                + "and actor_username = 'alice'", request, outlived)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extended'", request)).isZero();
        assertThat(expiresAt(id)).isEqualTo(end);
        assertThat(count("select count(*) from access_grant where request_id = ? "
                + "and extensions = 0", request)).isEqualTo(1);
    }

    @Test
    void undecidedWhenTheAccessRunsOut_lapses_andTheGrantEndsOnTime() {
        String id = api.submit(ALICE, "extend-approved", "PT6S");
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", ACTIVATION);
        UUID request = UUID.fromString(id);
        String extension = extend(ALICE, id, "PT1M").then().statusCode(202).extract()
                .path("extensions[0].id");
        List<String> waiting = Api.as(CAROL).when().get("/api/approvals/extensions").then()
                .statusCode(200).extract().path("id");
        assertThat(waiting).contains(id);
        List<String> own = Api.as(ALICE).when().get("/api/approvals/extensions").then()
                .statusCode(200).extract().path("id");
        assertThat(own).doesNotContain(id);

        Api.awaitState(ALICE, id, "EXPIRED", Duration.ofSeconds(40));
        assertThat(count("select count(*) from grant_extension where id = ?::uuid "
                + "and state = 'EXPIRED'", extension)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.extension_expired' and actor_username = 'scheduler' "
                + "and details->>'extensionId' = ?", request, extension)).isEqualTo(1);
        decideExtension(CAROL, id, extension, "approve", "").then().statusCode(409);
    }

    @Test
    void onThePages_theRequesterAsks_andAnApproverDecidesOnTheReviewPage() {
        String id = activeGrant("extend-approved");
        Instant end = expiresAt(id);

        String token = page(ALICE).get("/requests/" + id).then().statusCode(200)
                .body(containsString("id=\"extend\""))
                .body(containsString("approvers must agree"))
                .extract().cookie("elevate-csrf");
        page(ALICE).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("duration", "ten minutes").formParam("reason", "")
                .post("/requests/" + id + "/extend")
                .then().statusCode(400)
                .body(containsString("must be a positive ISO-8601 duration"));
        assertThat(count("select count(*) from grant_extension where request_id = ?",
                UUID.fromString(id))).isZero();
        page(ALICE).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("duration", "PT3M").formParam("reason", "Index rebuild runs long")
                .post("/requests/" + id + "/extend")
                .then().statusCode(303)
                .header("Location", containsString("notice=extension_requested"));

        String approverToken = page(CAROL).get("/approvals/" + id + "?via=slack").then()
                .statusCode(200)
                .body(containsString("Extension requested"))
                .body(containsString("Index rebuild runs long"))
                .extract().cookie("elevate-csrf");
        String extension = Api.as(ALICE).when().get("/api/requests/" + id).then()
                .extract().path("extensions[0].id");
        page(CAROL).cookie("elevate-csrf", approverToken).formParam("csrf", approverToken)
                .formParam("comment", "  ")
                .post("/approvals/" + id + "/extensions/" + extension + "/deny")
                .then().statusCode(400)
                .body(containsString("Comment is required when denying"));
        page(CAROL).cookie("elevate-csrf", approverToken).formParam("csrf", approverToken)
                .formParam("via", "slack").formParam("comment", "")
                .post("/approvals/" + id + "/extensions/" + extension + "/approve")
                .then().statusCode(303)
                .header("Location", containsString("notice=extension_approved"));

        assertThat(expiresAt(id)).isEqualTo(end.plus(Duration.ofMinutes(3)));
        assertThat(count("select count(*) from approval where extension_id = ?::uuid "
                + "and approver_username = 'carol' and channel = 'slack-link'", extension))
                .isEqualTo(1);
        page(ALICE).get("/requests/" + id).then().statusCode(200)
                .body(containsString("data-extension-id=\"" + extension + "\""))
                .body(containsString("data-state=\"APPROVED\""));
    }

    private static RequestSpecification page(String username) {
        return given().auth().oauth2(KeycloakClient.accessToken(username)).redirects()
                .follow(false);
    }

    private String activeGrant(String entitlement) {
        String id = api.submit(ALICE, entitlement, "PT1M");
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", ACTIVATION);
        return id;
    }

    private static Response extend(String user, String id, String duration) {
        return Api.as(user).body(Map.of("duration", duration,
                        "reason", "The migration needs a little longer"))
                .when().post("/api/requests/" + id + "/extend");
    }

    private static Response decideExtension(String user, String id, String extension,
            String decision, String comment) {
        return Api.as(user).body(Map.of("comment", comment)).when()
                .post("/api/requests/" + id + "/extensions/" + extension + "/" + decision);
    }

    private static Instant expiresAt(String id) {
        return Instant.parse(Api.as(ALICE).when().get("/api/requests/" + id)
                .then().statusCode(200).extract().path("grant.expiresAt"));
    }

    /** The grant's job key has exactly one trigger, a revoke firing at the grant's end. */
    private void assertOneRevokeJobAt(String id, Instant at) {
        assertThat(count("select count(*) from qrtz_triggers where job_group = 'GRANT' "
                + "and job_name = ?", id)).isEqualTo(1);
        assertThat(count("select count(*) from qrtz_triggers where job_group = 'GRANT' "
                + "and job_name = ? and trigger_group = 'REVOKE_GRANT'", id)).isEqualTo(1);
        assertThat(jobs.nextFireTime(JobKind.REVOKE_GRANT, id).toEpochMilli())
                .isEqualTo(at.toEpochMilli());
    }

    private long lastAuditId() {
        return count("select coalesce(max(id), 0) from audit_event");
    }

    private long count(String sql, Object... params) {
        return Database.count(db, sql, params);
    }
}
