package dev.elevate.entitlement.policy;

import static dev.elevate.testing.DemoUsers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;

/**
 * Policy changes under four eyes, through the API: versions, the impact a confirmation shows,
 * refusals of the author and of bad documents, and requests keeping their version.
 */
@QuarkusTest
class PolicyChangeApiTest {

    private static final String ERIN = "erin";
    private static final String GRACE = "grace";

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    /** quick-debug with the approval step moved to group /security/leads only. */
    private static String quickDebug(String approversGroup, String max) {
        return """
                format: elevate-policy/v1
                policies:
                  - entitlement: quick-debug
                    requesters: {roles: [elevate-engineer]}
                    duration: {min: PT2S, default: PT1M, max: %s}
                    pendingTimeout: PT1H
                    steps:
                      - name: approvers
                        approvers: {groups: [%s]}
                        approvals: 1
                """.formatted(max, approversGroup);
    }

    @Test
    void secondAdminConfirms_newVersionApplies_openRequestsKeepTheirs() {
        try {
            confirmAndCompare();
        } finally {
            api.endAll();
            if (Database.count(db, "select count(*) from policy_version v where entitlement_key "
                    + "= 'quick-debug' and state = 'ACTIVE' and document::text like "
                    + "'%security/leads%'") > 0) {
                restore();
            }
        }
    }

    private void confirmAndCompare() {
        String before = api.submit(ALICE, "quick-debug", "PT5M");
        long v1 = activeVersionId();

        String change = Api.as(ERIN).contentType("text/plain")
                .body(quickDebug("/security/leads", "PT20M"))
                .post("/api/policy-changes").then().statusCode(201)
                .body("state", equalTo("PROPOSED"))
                .body("entitlements", hasItem("quick-debug"))
                .body("impact[0].loseApprove", hasItem("bob"))
                .body("impact[0].loseApprove", hasItem("frank"))
                .body("impact[0].gainApprove.size()", equalTo(0))
                .extract().path("id");
        assertThat(activeVersionId()).as("nothing applies before confirmation").isEqualTo(v1);

        Api.as(ERIN).contentType("application/json").body(Map.of("comment", "own"))
                .post("/api/policy-changes/" + change + "/confirm").then().statusCode(403)
                .body("reasons", hasItem(containsString("a second admin must confirm it")));
        assertThat(Database.count(db, "select count(*) from audit_event where "
                + "type = 'policy.change_refused' and actor_username = 'erin' "
                + "and details->>'change' = ?", change)).isEqualTo(1);

        Api.as(GRACE).contentType("application/json").body(Map.of("comment", "looks right"))
                .post("/api/policy-changes/" + change + "/confirm").then().statusCode(200)
                .body("state", equalTo("APPLIED")).body("decidedBy", equalTo(GRACE));

        long v2 = activeVersionId();
        assertThat(v2).isNotEqualTo(v1);
        assertThat(Database.count(db, "select version from policy_version where id = ?", v2))
                .isGreaterThan(Database.count(db, "select version from policy_version where id = ?",
                        v1));
        assertThat(Database.count(db, "select count(*) from policy_version where id = ? and "
                + "author_username = 'erin' and confirmed_by_username = 'grace'", v2)).isOne();
        assertThat(Database.count(db, "select count(*) from audit_event where "
                + "type = 'policy.change_confirmed' and entitlement_key = 'quick-debug' and "
                + "details->>'change' = ? and details->'loseApprove' @> '[\"bob\"]'::jsonb", change)).isOne();

        // The open request keeps version 1: bob may still decide it.
        assertThat(Database.count(db, "select policy_version_id from access_request where id = ?",
                UUID.fromString(before))).isEqualTo(v1);
        Api.decide("bob", before, "approve", "").then().statusCode(200);
        // A new request follows version 2.
        api.endAll();
        String after = api.submit(ALICE, "quick-debug", "PT5M");
        assertThat(Database.count(db, "select policy_version_id from access_request where id = ?",
                UUID.fromString(after))).isEqualTo(v2);
        // bob is no approver of it any more, so he does not even see it.
        Api.decide("bob", after, "approve", "").then().statusCode(404);
    }

    @Test
    void badDocument_isRefusedWhole_withLineAndPath() {
        long changes = Database.count(db, "select count(*) from policy_change");

        Api.as(ERIN).contentType("text/plain")
                .body(quickDebug("dba", "PT20M").replace("approvals: 1", "approvals: 99"))
                .post("/api/policy-changes").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("/policies/0/steps/0/approvers/groups/0"))
                .body("errors.rule", hasItem("line 9: must be a full group path such as "
                        + "/dba/leads"))
                .body("errors.rule", hasItem("line 10: must be a whole number from 1 to 10"));

        assertThat(Database.count(db, "select count(*) from policy_change")).isEqualTo(changes);
    }

    @Test
    void onlyAdminsPropose_andExportReadsBack() {
        Api.as(ALICE).contentType("text/plain").body(quickDebug("/approvers", "PT10M"))
                .post("/api/policy-changes").then().statusCode(403);

        String yaml = Api.as("dave").get("/api/policies?format=yaml").then().statusCode(200)
                .contentType(containsString("yaml")).extract().asString();
        assertThat(yaml).contains("format: elevate-policy/v1").contains("entitlement: quick-debug");

        // Re-importing the export changes nothing, so nothing is proposed.
        Api.as(ERIN).contentType("text/plain").body(yaml).post("/api/policy-changes")
                .then().statusCode(400)
                .body("errors.rule", hasItem(containsString("nothing to change")));
    }

    private long activeVersionId() {
        return Database.count(db, "select id from policy_version where entitlement_key = "
                + "'quick-debug' and state = 'ACTIVE'");
    }

    /** Puts quick-debug back to its seeded rules for the other tests. */
    private static void restore() {
        String change = Api.as(ERIN).contentType("text/plain")
                .body(quickDebug("/approvers", "PT10M").replace("groups: [/approvers]",
                        "roles: [elevate-approver]"))
                .post("/api/policy-changes").then().statusCode(201).extract().path("id");
        Api.as(GRACE).contentType("application/json").body(Map.of("comment", "restore"))
                .post("/api/policy-changes/" + change + "/confirm").then().statusCode(200);
    }
}
