package dev.elevate.approval;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.CAROL;
import static dev.elevate.testing.DemoUsers.FRANK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The policy rules on the real stack: steps met by distinct people, approvers and requesters
 * judged by Keycloak's state at the moment of asking rather than by their tokens, conflicting
 * entitlements, auto-approval, break-glass, scheduled starts, and the policy version every
 * request and grant records.
 */
@QuarkusTest
class PolicyRulesIntegrationTest {

    private static final String HEIDI = "heidi";
    private static final String ROLE = "staging-debug";
    private static final String PROBLEM = "application/problem+json";
    private static final Duration ACTIVATION = Duration.ofSeconds(20);

    @Inject
    DataSource db;

    private final Api api = new Api();
    /** Every request a test stored, for the policy-version check after it. */
    private final List<String> created = new ArrayList<>();

    @BeforeEach
    void startWithoutTheRole() {
        for (String user : List.of(ALICE, HEIDI)) {
            if (KeycloakClient.realmRoles(user).contains(ROLE)) {
                KeycloakClient.removeRealmRole(user, ROLE);
            }
        }
    }

    @AfterEach
    void checkPolicyVersionsAndEndRequests() {
        try {
            assertEveryRequestRecordsItsActivePolicy();
        } finally {
            created.clear();
            api.endAll();
        }
    }

    @Test
    void twoSteps_needOneDistinctPersonEach_thenTheGrantIsApplied() {
        String id = submit(ALICE, "two-step", "PT1M");
        UUID request = UUID.fromString(id);

        // frank is named by no step of this policy, so the request is not even visible to him.
        Api.decide(FRANK, id, "approve", "not my step").then().statusCode(404)
                .contentType(PROBLEM);

        Api.decide(BOB, id, "approve", "DBA side is fine").then().statusCode(200)
                .body("state", equalTo("PENDING"));
        assertThat(text("select steps from approval where request_id = ? "
                + "and approver_username = 'bob'", request)).isEqualTo("dba-lead");
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'approval.recorded' and actor_username = 'bob' "
                + "and details->>'step' = 'dba-lead'", request)).isEqualTo(1);

        Api.decide(CAROL, id, "approve", "security side is fine").then().statusCode(200)
                .body("state", equalTo("APPROVED"));
        assertThat(text("select steps from approval where request_id = ? "
                + "and approver_username = 'carol'", request)).isEqualTo("security");
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'approval.recorded' and actor_username = 'carol' "
                + "and details->>'step' = 'security'", request)).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'request.approved'", request)).isEqualTo(1);

        Api.awaitState(ALICE, id, "ACTIVE", ACTIVATION);
        assertThat(KeycloakClient.realmRoles(ALICE)).contains(ROLE);
    }

    @Test
    void approverTakenOutOfTheGroup_isRefused_thoughTheTokenStillNamesIt() {
        String id = submit(ALICE, "two-step", "PT1M");
        UUID request = UUID.fromString(id);
        String bobToken = KeycloakClient.accessToken(BOB);
        assertThat(strings(claims(bobToken).path("groups"))).contains("/dba/leads");

        KeycloakClient.removeFromGroup(BOB, "/dba/leads");
        try {
            assertThat(KeycloakClient.groups(BOB)).doesNotContain("/dba/leads");
            withToken(bobToken).body(Map.of("comment", "still a lead, says my token"))
                    .when().post("/api/requests/" + id + "/approve")
                    .then().statusCode(403).contentType(PROBLEM)
                    .body("reasons", hasItem(startsWith(
                            "Keycloak does not list you right now in any approval step")));
        } finally {
            KeycloakClient.addToGroup(BOB, "/dba/leads");
        }
        assertThat(KeycloakClient.groups(BOB)).contains("/dba/leads");

        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");
        assertThat(count("select count(*) from approval where request_id = ?", request))
                .isZero();
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'decision.refused' and actor_username = 'bob' "
                + "and details->>'decision' = 'APPROVE' "
                + "and details->>'reasons' like '%Keycloak does not list you right now%'",
                request)).isEqualTo(1);
    }

    @Test
    void conflictingEntitlement_isRefusedAtSubmission_andAudited() {
        String first = submit(FRANK, "payments-release-approve", "PT30M");
        String stored = "select count(*) from access_request where requester_username = 'frank' "
                + "and entitlement_key = 'payments-deploy'";
        long storedBefore = count(stored);
        long mark = lastAuditId();

        post(FRANK, body("payments-deploy", "PT30M")).then().statusCode(403)
                .contentType(PROBLEM)
                .body("reasons", hasItem(containsString("conflicts")))
                .body("reasons[0]", containsString("payments-release-approve"));

        assertThat(Api.state(FRANK, first)).isEqualTo("PENDING");
        assertThat(count(stored)).isEqualTo(storedBefore);
        assertThat(refusalsAudited(mark, "frank", "payments-deploy",
                "%conflicts with payments-deploy%")).isEqualTo(1);
    }

    @Test
    void nobodyButTheRequesterCouldApprove_isRefusedAtSubmission_andAudited() {
        String stored = "select count(*) from access_request where requester_username = 'carol' "
                + "and entitlement_key = 'only-security'";
        long storedBefore = count(stored);
        long mark = lastAuditId();

        post(CAROL, body("only-security", "PT1M")).then().statusCode(403)
                .contentType(PROBLEM)
                .body("reasons", hasItem(startsWith("Nobody but you could approve")))
                .body("reasons[0]", containsString("group /security/leads"));

        assertThat(count(stored)).isEqualTo(storedBefore);
        assertThat(refusalsAudited(mark, "carol", "only-security",
                "%Nobody but you could approve%")).isEqualTo(1);
    }

    @Test
    void requesterWhoLostTheRoleInKeycloak_isRefused_thoughTheTokenStillCarriesIt() {
        String aliceToken = KeycloakClient.accessToken(ALICE);
        assertThat(strings(claims(aliceToken).path("realm_access").path("roles")))
                .contains("elevate-engineer");
        String stored = "select count(*) from access_request where requester_username = 'alice' "
                + "and entitlement_key = 'quick-debug'";
        long storedBefore = count(stored);
        long mark = lastAuditId();

        KeycloakClient.removeRealmRole(ALICE, "elevate-engineer");
        try {
            withToken(aliceToken).body(body("quick-debug", "PT1M"))
                    .when().post("/api/requests")
                    .then().statusCode(403).contentType(PROBLEM)
                    .body("reasons", hasItem(containsString(
                            "not eligible to request quick-debug")));
        } finally {
            KeycloakClient.addRealmRole(ALICE, "elevate-engineer");
        }
        assertThat(KeycloakClient.realmRoles(ALICE)).contains("elevate-engineer");

        assertThat(count(stored)).isEqualTo(storedBefore);
        assertThat(refusalsAudited(mark, "alice", "quick-debug", "%not eligible%"))
                .isEqualTo(1);
    }

    @Test
    void onCallEngineer_isApprovedByTheRule_othersWaitForPeople() {
        String id = submit(HEIDI, "staging-debug", "PT30M");
        UUID request = UUID.fromString(id);

        assertThat(Api.state(HEIDI, id)).isIn("APPROVED", "ACTIVE");
        List<Map<String, Object>> approvals = rows("select approver_username, approver_subject, "
                + "channel, decision from approval where request_id = ?", request);
        assertThat(approvals).hasSize(1);
        assertThat(approvals.get(0)).containsEntry("approver_username", "rule:on-call")
                .containsEntry("channel", "rule").containsEntry("decision", "APPROVE");
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'request.auto_approved' and actor_username = 'rule:on-call' "
                + "and channel = 'rule' and details->>'rule' = 'on-call'", request))
                .isEqualTo(1);
        assertThat(count("select count(*) from notification_outbox where request_id = ?",
                request)).as("nobody is asked to approve").isZero();
        Api.awaitState(HEIDI, id, "ACTIVE", ACTIVATION);
        assertThat(KeycloakClient.realmRoles(HEIDI)).contains(ROLE);

        String pending = submit(ALICE, "staging-debug", "PT30M");
        UUID waiting = UUID.fromString(pending);
        assertThat(Api.state(ALICE, pending)).isEqualTo("PENDING");
        assertThat(count("select count(*) from approval where request_id = ?", waiting))
                .isZero();
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'request.auto_approved'", waiting)).isZero();
    }

    @Test
    void breakGlass_grantsAtOnce_andIsPutUpForReview() {
        Map<String, Object> body = body("glass-debug", "PT1M");
        body.put("breakGlass", true);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Response response = post(ALICE, body);
        Instant after = Instant.now().plusSeconds(1);
        response.then().statusCode(201);
        String id = response.path("id");
        api.track(ALICE, id);
        created.add(id);
        UUID request = UUID.fromString(id);

        assertThat((String) response.path("state")).isIn("APPROVED", "ACTIVE");
        assertThat(count("select count(*) from approval where request_id = ?", request))
                .isZero();
        assertThat(count("select count(*) from break_glass_review where request_id = ? "
                + "and reviewed_at is null and outcome is null", request)).isEqualTo(1);
        Instant activated = instant("select activated_at from break_glass_review "
                + "where request_id = ?", request);
        Instant due = instant("select due_at from break_glass_review where request_id = ?",
                request);
        assertThat(Duration.between(activated, due)).isEqualTo(Duration.ofMinutes(15));
        assertThat(due).isBetween(before.plus(Duration.ofMinutes(15)),
                after.plus(Duration.ofMinutes(15)));
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'break_glass.activated' and actor_username = 'alice' "
                + "and details->>'reviewDue' is not null "
                + "and details->>'reason' = ?", request, body.get("justification")))
                .isEqualTo(1);
        assertThat(count("select count(*) from notification_outbox where request_id = ? "
                + "and summary like '%BREAK-GLASS%' and link like ?", request, "%" + id + "%"))
                .isEqualTo(1);

        Api.awaitState(ALICE, id, "ACTIVE", ACTIVATION);
        assertThat(KeycloakClient.realmRoles(ALICE)).contains(ROLE);
    }

    @Test
    void breakGlass_whereThePolicyDoesNotAllowIt_isRefusedAndAudited() {
        Map<String, Object> body = body("quick-debug", "PT1M");
        body.put("breakGlass", true);
        long mark = lastAuditId();

        post(ALICE, body).then().statusCode(403).contentType(PROBLEM)
                .body("reasons", hasItem("quick-debug does not allow break-glass access"));

        assertThat(refusalsAudited(mark, "alice", "quick-debug",
                "%does not allow break-glass%")).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where id > ? "
                + "and type = 'request.refused' and actor_username = 'alice' "
                + "and details->>'breakGlass' = 'true'", mark)).isEqualTo(1);
    }

    @Test
    void scheduledStart_staysApprovedUntilTheStart_thenActivates() throws InterruptedException {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(1)).plusSeconds(8)
                .truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> body = body("quick-debug", "PT1M");
        body.put("startsAt", start.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        String id = post(ALICE, body).then().statusCode(201)
                .body("state", equalTo("PENDING")).extract().path("id");
        api.track(ALICE, id);
        created.add(id);
        UUID request = UUID.fromString(id);
        assertThat(instant("select starts_at from access_request where id = ?", request))
                .isEqualTo(start.toInstant());

        Api.decide(BOB, id, "approve", "fine from the start").then().statusCode(200)
                .body("state", equalTo("APPROVED"));

        Instant quietUntil = start.toInstant().minusSeconds(1);
        assertThat(Instant.now()).as("approved ahead of the start").isBefore(quietUntil);
        while (Instant.now().isBefore(quietUntil)) {
            assertThat(Api.state(ALICE, id)).isEqualTo("APPROVED");
            assertThat(KeycloakClient.realmRoles(ALICE)).doesNotContain(ROLE);
            Thread.sleep(500);
        }

        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(30));
        assertThat(KeycloakClient.realmRoles(ALICE)).contains(ROLE);
        Instant activated = instant("select activated_at from access_grant where request_id = ?",
                request);
        assertThat(activated).isAfterOrEqualTo(start.toInstant());
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.start_refused'", request)).isZero();
    }

    @Test
    void scheduledStart_approvedByARule_isRefusedWhenTheRuleNoLongerMatches() {
        Map<String, Object> body = body("staging-debug", "PT5M");
        body.put("startsAt", OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(6)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        String id = post(HEIDI, body).then().statusCode(201)
                .body("state", equalTo("APPROVED")).extract().path("id");
        api.track(HEIDI, id);
        created.add(id);
        UUID request = UUID.fromString(id);

        // Off the on-call rota before the start: the rule that approved her no longer holds.
        KeycloakClient.removeFromGroup(HEIDI, "/engineering/oncall");
        try {
            Api.await(() -> count("select count(*) from audit_event where request_id = ? "
                    + "and type = 'grant.start_refused'", request) == 1,
                    Duration.ofSeconds(30), () -> "the start of " + id + " to be refused");
        } finally {
            KeycloakClient.addToGroup(HEIDI, "/engineering/oncall");
        }
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.start_refused' and actor_username = 'scheduler' "
                + "and details->>'reasons' like '%Auto-approval rule rule:on-call no longer "
                + "matches%'", request)).isEqualTo(1);
        Api.awaitState(HEIDI, id, "REVOKED", ACTIVATION);
        assertThat(count("select count(*) from audit_event where request_id = ? "
                + "and type = 'grant.activated'", request)).isZero();
        assertThat(KeycloakClient.realmRoles(HEIDI)).doesNotContain(ROLE);
    }

    @Test
    void scheduledStartInThePast_is400NamingTheField() {
        String stored = "select count(*) from access_request where requester_username = 'alice' "
                + "and entitlement_key = 'quick-debug'";
        long storedBefore = count(stored);
        Map<String, Object> body = body("quick-debug", "PT1M");
        body.put("startsAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).minusMinutes(5)
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));

        post(ALICE, body).then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("startsAt"))
                .body("errors[0].rule", containsString("future"));

        assertThat(count(stored)).isEqualTo(storedBefore);
    }

    @Test
    void requestAndGrant_recordTheActivePolicyVersion() {
        String id = submit(ALICE, "quick-debug", "PT1M");
        UUID request = UUID.fromString(id);
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", ACTIVATION);

        long active = count("select id from policy_version where entitlement_key = 'quick-debug' "
                + "and state = 'ACTIVE'");
        assertThat(count("select policy_version_id from access_request where id = ?", request))
                .isEqualTo(active);
        assertThat(count("select policy_version_id from access_grant where request_id = ?",
                request)).isEqualTo(active);
        assertThat(count("select count(*) from audit_event e join policy_version v "
                + "on v.id = ? where e.request_id = ? and e.type = 'request.submitted' "
                + "and e.details->>'policyVersion' = v.version::text", active, request))
                .isEqualTo(1);
    }

    /**
     * Each request a test stored names the policy version that was active for its entitlement
     * (none of these tests changes a policy), and its grant, if any, names the same one.
     */
    private void assertEveryRequestRecordsItsActivePolicy() {
        for (String id : created) {
            UUID request = UUID.fromString(id);
            assertThat(count("select count(*) from access_request r join policy_version v "
                    + "on v.id = r.policy_version_id where r.id = ? "
                    + "and v.entitlement_key = r.entitlement_key and v.state = 'ACTIVE'",
                    request)).as("request %s records the active policy version", id)
                    .isEqualTo(1);
            assertThat(count("select count(*) from access_grant g join access_request r "
                    + "on r.id = g.request_id where g.request_id = ? "
                    + "and g.policy_version_id is distinct from r.policy_version_id", request))
                    .as("grant of %s records its request's policy version", id).isZero();
        }
    }

    private String submit(String username, String entitlement, String duration) {
        String id = api.submit(username, entitlement, duration);
        created.add(id);
        return id;
    }

    private static Response post(String username, Map<String, Object> body) {
        return Api.as(username).body(body).when().post("/api/requests");
    }

    /** A bearer token held on purpose, for calls that must use a token fetched earlier. */
    private static RequestSpecification withToken(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Map<String, Object> body(String entitlement, String duration) {
        Map<String, Object> body = new HashMap<>();
        body.put("entitlement", entitlement);
        body.put("duration", duration);
        body.put("justification", "Policy rules test for " + entitlement);
        return body;
    }

    /** Refused submissions audited since the mark: no request, but the entitlement and why. */
    private long refusalsAudited(long mark, String username, String entitlement,
            String reasonPattern) {
        return count("select count(*) from audit_event e where e.id > ? "
                + "and e.type = 'request.refused' and e.request_id is null "
                + "and e.entitlement_key = ? and e.actor_username = ? "
                + "and e.requester_username = ? and e.details->>'reasons' like ? "
                + "and e.details->>'policyVersion' = (select v.version::text "
                + "from policy_version v where v.entitlement_key = e.entitlement_key "
                + "and v.state = 'ACTIVE')", mark, entitlement, username, username,
                reasonPattern);
    }

    private long lastAuditId() {
        return count("select coalesce(max(id), 0) from audit_event");
    }

    private long count(String sql, Object... params) {
        return Database.count(db, sql, params);
    }

    private String text(String sql, Object... params) {
        List<Map<String, Object>> found = rows(sql, params);
        assertThat(found).as(sql).hasSize(1);
        return (String) found.get(0).values().iterator().next();
    }

    private Instant instant(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as(sql).isTrue();
                OffsetDateTime value = r.getObject(1, OffsetDateTime.class);
                return value == null ? null : value.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            List<Map<String, Object>> found = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                ResultSetMetaData meta = r.getMetaData();
                while (r.next()) {
                    Map<String, Object> row = new HashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnLabel(i), r.getObject(i));
                    }
                    found.add(row);
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
    }

    /** The claims of a JWT, read without checking it: only to show what the token says. */
    private static JsonNode claims(String token) {
        byte[] payload = Base64.getUrlDecoder().decode(token.split("\\.")[1]);
        try {
            return new ObjectMapper().readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }
}
