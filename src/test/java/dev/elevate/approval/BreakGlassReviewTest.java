package dev.elevate.approval;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.CAROL;
import static dev.elevate.testing.DemoUsers.DAVE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.in;
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
import org.quartz.JobKey;
import org.quartz.Scheduler;

import dev.elevate.scheduling.JobKind;
import dev.elevate.scheduling.JobScheduler;
import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * After a break-glass use, a second person signs it off on the review page or the API; until
 * then auditors see it listed, and once its deadline passes it is counted overdue and Slack
 * is reminded, once.
 */
@QuarkusTest
class BreakGlassReviewTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource db;

    @Inject
    JobScheduler jobs;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    Scheduler quartz;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void secondPerson_signsOffOnThePage_andTheUseLeavesTheOpenList() {
        String id = breakGlassUse();
        UUID request = UUID.fromString(id);

        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'request.submitted' and details->>'breakGlass' = 'true' "
                + "and details->>'requiredApprovals' is null", request)).isEqualTo(1);
        page(ALICE).get("/approvals/" + id).then().statusCode(200)
                .body(containsString("Break-glass use"))
                .body(not(containsString("id=\"break-glass-review\"")));
        reviewByApi(ALICE, id, "JUSTIFIED", "I checked my own use").then().statusCode(403)
                .contentType(PROBLEM);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'request.action_refused' and actor_username = 'alice' "
                + "and details->>'action' = 'break-glass review'", request)).isEqualTo(1);

        // An auditor may see the use but is no approver of it: refused, and told so on the page.
        page(DAVE).get("/approvals/" + id).then().statusCode(200)
                .body(containsString("Only an approver of glass-debug"))
                .body(not(containsString("id=\"break-glass-review\"")));
        reviewByApi(DAVE, id, "JUSTIFIED", "Looks fine from the audit side").then()
                .statusCode(403).contentType(PROBLEM);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'request.action_refused' and actor_username = 'dave' "
                + "and details->>'action' = 'break-glass review'", request)).isEqualTo(1);

        String token = page(CAROL).get("/approvals/" + id).then().statusCode(200)
                .body(containsString("id=\"break-glass-review\""))
                .extract().cookie("elevate-csrf");
        page(CAROL).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("outcome", "maybe").formParam("comment", "short")
                .post("/approvals/" + id + "/break-glass-review")
                .then().statusCode(400)
                .body(containsString("must be JUSTIFIED or UNJUSTIFIED"))
                .body(containsString("must be 10 to 1000 characters"));
        assertThat(count("select count(*) from break_glass_review where request_id = ? "
                + "and reviewed_at is null", request)).isEqualTo(1);

        page(CAROL).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("outcome", "JUSTIFIED")
                .formParam("comment", "Matches INC-4411, the database was down")
                .post("/approvals/" + id + "/break-glass-review")
                .then().statusCode(303)
                .header("Location", containsString("notice=break_glass_reviewed"));

        assertThat(count("select count(*) from break_glass_review where request_id = ? "
                + "and outcome = 'JUSTIFIED' and reviewer_username = 'carol' "
                + "and comment = 'Matches INC-4411, the database was down'", request))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'break_glass.reviewed' and actor_username = 'carol' "
                + "and channel = 'web' and details->>'outcome' = 'JUSTIFIED' "
                + "and details->>'late' = 'false'", request)).isEqualTo(1);
        reviewByApi(BOB, id, "UNJUSTIFIED", "A second opinion, too late").then()
                .statusCode(409).contentType(PROBLEM);
        List<String> open = Api.as(DAVE).when().get("/api/break-glass").then().statusCode(200)
                .extract().path("uses.request");
        assertThat(open).doesNotContain(id);
    }

    @Test
    void unreviewedPastItsDeadline_isCountedOverdue_andRemindedOnce() {
        String id = breakGlassUse();
        UUID request = UUID.fromString(id);
        Instant due = Instant.parse(Api.as(DAVE).when().get("/api/break-glass").then()
                .statusCode(200).extract().path("uses.find { it.request == '" + id + "' }.dueAt"));
        assertThat(jobs.nextFireTime(JobKind.BREAK_GLASS_DUE, id).toEpochMilli())
                .isEqualTo(due.toEpochMilli());

        // Early: the job only waits for the deadline again.
        breakGlass.remindIfOverdue(request);
        assertThat(count("select count(*) from break_glass_review where request_id = ? "
                + "and reminded_at is null", request)).isEqualTo(1);

        Database.update(db, "update break_glass_review set due_at = now() - interval '1 minute' "
                + "where request_id = ?", request);
        breakGlass.remindIfOverdue(request);
        breakGlass.remindIfOverdue(request);

        assertThat(count("select count(*) from break_glass_review where request_id = ? "
                + "and reminded_at is not null", request)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'break_glass.review_overdue' and actor_username = 'scheduler'",
                request)).isEqualTo(1);
        assertThat(count("select count(*) from notification_outbox where request_id = ? "
                + "and summary like 'OVERDUE break-glass review%' and link like ?", request,
                "%" + id + "%#break-glass")).isEqualTo(1);
        Api.as(DAVE).when().get("/api/break-glass").then().statusCode(200)
                .body("uses.find { it.request == '" + id + "' }.overdue", equalTo(true))
                .body("uses.find { it.request == '" + id + "' }.requester", equalTo("alice"))
                .body("uses.find { it.request == '" + id + "' }.entitlement",
                        equalTo("glass-debug"))
                .body("overdue", greaterThanOrEqualTo(1));

        reviewByApi(CAROL, id, "UNJUSTIFIED", "No incident was open at the time")
                .then().statusCode(200).body("outcome", equalTo("UNJUSTIFIED"));
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'break_glass.reviewed' and details->>'late' = 'true'", request))
                .isEqualTo(1);
    }

    @Test
    void reminderWhoseJobWentMissing_isSentByTheSweep() throws Exception {
        String id = breakGlassUse();
        UUID request = UUID.fromString(id);
        assertThat(quartz.deleteJob(JobKey.jobKey(id, "BREAK_GLASS_DUE"))).isTrue();
        Database.update(db, "update break_glass_review set due_at = now() - interval '1 minute' "
                + "where request_id = ?", request);

        Api.await(() -> count("select count(*) from break_glass_review where request_id = ? "
                + "and reminded_at is not null", request) == 1, Duration.ofSeconds(30),
                () -> "the sweep to send the overdue reminder for " + id);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'break_glass.review_overdue'", request)).isEqualTo(1);
        reviewByApi(CAROL, id, "JUSTIFIED", "Checked: INC-4411 was open").then().statusCode(200);
    }

    private String breakGlassUse() {
        Response response = Api.as(ALICE).body(Map.of("entitlement", "glass-debug",
                        "duration", "PT1M", "breakGlass", true,
                        "justification", "Production database is down, INC-4411"))
                .when().post("/api/requests");
        response.then().statusCode(201).body("state", in(
                List.of("APPROVED", "ACTIVE")));
        String id = response.path("id");
        api.track(ALICE, id);
        return id;
    }

    private static Response reviewByApi(String user, String id, String outcome,
            String comment) {
        return Api.as(user).body(Map.of("outcome", outcome, "comment", comment))
                .when().post("/api/requests/" + id + "/break-glass-review");
    }

    private static RequestSpecification page(String username) {
        return given().auth().oauth2(KeycloakClient.accessToken(username)).redirects()
                .follow(false);
    }

    private long count(String sql, Object... params) {
        return Database.count(db, sql, params);
    }
}
