package dev.elevate.web.page;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.DAVE;
import static dev.elevate.testing.DemoUsers.ERIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Pages, reached with a bearer token (the page tenant accepts one, which spares these tests a
 * browser): CSRF on every form, field errors re-rendered, GETs that change nothing.
 */
@QuarkusTest
class PagesTest {

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void newRequestForm_carriesCsrfToken_andSecurityHeaders() {
        Response form = page(ALICE).get("/requests/new");

        form.then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Cache-Control", "no-store")
                .body(containsString("name=\"csrf\""))
                .body(not(containsString("<script>")));
        assertThat(form.getCookie("elevate-csrf")).isNotBlank();
    }

    @Test
    void post_withoutCsrfToken_is403_andStoresNothing() {
        long before = Database.count(db, "select count(*) from access_request");

        page(ALICE).formParam("entitlement", "staging-debug").formParam("duration", "PT30M")
                .formParam("justification", "Forged from another site")
                .post("/requests")
                .then().statusCode(403).body(containsString("Form rejected"));

        assertThat(Database.count(db, "select count(*) from access_request")).isEqualTo(before);
    }

    @Test
    void post_withWrongCsrfToken_is403() {
        String token = csrf(ALICE);

        page(ALICE).cookie("elevate-csrf", token).formParam("csrf", token + "x")
                .formParam("entitlement", "staging-debug").formParam("duration", "PT30M")
                .formParam("justification", "Forged with a guessed token")
                .post("/requests")
                .then().statusCode(403);
    }

    @Test
    void invalidForm_reRendersWithFieldMessages_andStoresNothing() {
        String token = csrf(ALICE);
        long before = Database.count(db, "select count(*) from access_request");

        page(ALICE).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("entitlement", "staging-debug").formParam("duration", "2 hours")
                .formParam("justification", "short")
                .post("/requests")
                .then().statusCode(400)
                .body(containsString("Duration must be an ISO-8601 duration"))
                .body(containsString("Justification must be at least 10 characters"))
                .body(containsString("value=\"2 hours\""));

        assertThat(Database.count(db, "select count(*) from access_request")).isEqualTo(before);
    }

    @Test
    void validForm_redirectsToTheRequestWithANotice() {
        String token = csrf(ALICE);

        Response submitted = page(ALICE).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("entitlement", "staging-debug").formParam("duration", "PT30M")
                .formParam("justification", "Read staging logs for INC-7")
                .redirects().follow(false)
                .post("/requests");

        submitted.then().statusCode(303);
        String location = submitted.header("Location");
        assertThat(location).contains("/requests/").endsWith("?notice=submitted");
        String id = location.replaceAll(".*/requests/([0-9a-f-]+).*", "$1");
        api.track(ALICE, id);
        page(ALICE).get("/requests/" + id + "?notice=submitted").then().statusCode(200)
                .body(containsString("Request submitted."))
                .body(containsString("request.submitted"));
    }

    @Test
    void reviewPage_fromSlackLink_changesNothing() {
        String id = api.submit(ALICE, "quick-debug", "PT5M");
        // Slack delivery is recorded asynchronously; it is not a change the GET could make.
        String trail = "select count(*) from audit_event where request_id = ? "
                + "and type not like 'notification.%'";
        long events = Database.count(db, trail, UUID.fromString(id));

        page(BOB).get("/approvals/" + id + "?via=slack").then().statusCode(200)
                .body(containsString("Approve"))
                .body(containsString("value=\"slack\""));
        page(BOB).get("/approvals/" + id + "/approve").then().statusCode(405);

        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");
        assertThat(Database.count(db, trail, UUID.fromString(id))).isEqualTo(events);
    }

    @Test
    void reviewPage_forTheRequester_showsWhyTheyCannotDecide() {
        String id = api.submit("frank", "quick-debug", "PT5M");

        page("frank").get("/approvals/" + id).then().statusCode(200)
                .body(containsString("You requested this access; someone else must decide"))
                .body(not(containsString("form method=\"post\" action=\"/approvals/")));
    }

    @Test
    void denyWithoutReason_reRendersTheReviewPageWithTheMessage() {
        String id = api.submit(ALICE, "quick-debug", "PT5M");
        String token = page(BOB).get("/approvals/" + id).then().statusCode(200)
                .extract().cookie("elevate-csrf");

        page(BOB).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("comment", " ").post("/approvals/" + id + "/deny")
                .then().statusCode(400)
                .body(containsString("Reason for denying"))
                .body(containsString("Comment is required when denying"));
        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");
    }

    @Test
    void secondOpenRequestFromTheForm_keepsWhatWasTyped_andSaysWhy() {
        api.submit(ALICE, "quick-debug", "PT5M");
        String token = csrf(ALICE);

        page(ALICE).cookie("elevate-csrf", token).formParam("csrf", token)
                .formParam("entitlement", "quick-debug").formParam("duration", "PT6M")
                .formParam("justification", "Once more with feeling")
                .post("/requests")
                .then().statusCode(409)
                .body(containsString("You already have an open request for quick-debug"))
                .body(containsString("Once more with feeling"));
    }

    @Test
    void auditPages_forAuditorsOnly_andCsvExportDefusesFormulas() {
        api.submit(ALICE, "quick-debug", "PT5M");

        page(ALICE).get("/audit").then().statusCode(403);
        page(DAVE).get("/audit?type=request.submitted&person=ALICE").then().statusCode(200)
                .body(containsString("request.submitted"))
                .body(containsString("&quot;duration&quot;:&quot;PT5M&quot;"));
        page(DAVE).get("/audit?page=99999999999").then().statusCode(400)
                .body(containsString("Page must be from 0 to"));
        page(DAVE).get("/audit?from=yesterday").then().statusCode(400)
                .body(containsString("From must be a date"));

        String csv = page(DAVE).get("/audit/export.csv?person=alice")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        assertThat(csv).startsWith("id,occurred_at,type,actor,");
        assertThat(csv).contains("\"request.submitted\"").contains("\"alice\"");
    }

    @Test
    void unknownAddresses_are404Pages_notServerErrors() {
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(404)
                .body(containsString("There is nothing at this address"));
        page(ALICE).get("/no-such-page").then().statusCode(404);
        page(ALICE).get("/requests/not-a-uuid").then().statusCode(404);
    }

    @Test
    void csvCell_quotesAndDefusesSpreadsheetFormulas() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(AuditCsv.cell("plain")).isEqualTo("\"plain\"");
    }

    @Test
    void outbox_isForAdmins_andShowsTheSlackMessage() {
        api.submit(ALICE, "quick-debug", "PT5M");

        page(BOB).get("/admin/outbox").then().statusCode(403);
        page(ERIN).get("/admin/outbox").then().statusCode(200)
                .body(containsString("alice requests quick-debug for PT5M"));
    }

    @Test
    void times_showInEachViewersZone_withTheOffset() {
        String id = api.submit(ALICE, "quick-debug", "PT5M");
        Instant submitted = Instant.parse(Api.as(ALICE).get("/api/requests/" + id).then()
                .extract().path("submittedAt"));
        DateTimeFormatter shown = DateTimeFormatter.ofPattern(
                "yyyy-MM-dd HH:mm:ss zzz '(UTC'xxx')'", Locale.ENGLISH);

        // alice's Keycloak profile says Europe/Berlin, bob's America/New_York.
        page(ALICE).get("/requests/" + id).then().statusCode(200)
                .body(containsString(shown.format(submitted.atZone(ZoneId.of("Europe/Berlin")))));
        page(BOB).get("/approvals/" + id).then().statusCode(200)
                .body(containsString(shown.format(
                        submitted.atZone(ZoneId.of("America/New_York")))))
                .body(containsString("(UTC-0"));
    }

    private static RequestSpecification page(String username) {
        return given().auth().oauth2(KeycloakClient.accessToken(username)).redirects().follow(false);
    }

    private static String csrf(String username) {
        return page(username).get("/requests/new").then().statusCode(200)
                .extract().cookie("elevate-csrf");
    }
}
