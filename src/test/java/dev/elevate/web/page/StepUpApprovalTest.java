package dev.elevate.web.page;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import dev.elevate.testing.Api;
import dev.elevate.testing.Browser;
import dev.elevate.testing.Database;
import dev.elevate.testing.Totp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A high-risk entitlement needs the approver's second factor: a password sign-in may look but
 * not decide; Keycloak asks for the one-time password (computed here from the dev secret),
 * and the approval records the {@code acr} and sign-in time Keycloak vouched for.
 */
@QuarkusTest
class StepUpApprovalTest {

    private static final String ENTITLEMENT = "step-up-debug";

    @TestHTTPResource("/")
    String base;

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void passwordOnlyApprover_isSentToKeycloakForTheOtp_thenTheApprovalRecordsGold()
            throws Exception {
        String id = api.submit(ALICE, ENTITLEMENT, "PT1M");
        UUID request = UUID.fromString(id);

        try (Browser bob = Browser.open()) {
            WebDriver page = bob.driver();
            bob.get(base + "approvals/" + id + "?via=slack");
            bob.signIn(BOB);
            bob.waitFor(By.id("step-up"));
            // Signed in with a password only: the rules say why, and no decision form shows.
            assertThat(page.findElement(By.cssSelector("li[data-rule='step-up']"))
                    .getAttribute("class")).isEqualTo("unmet");
            assertThat(page.findElements(By.cssSelector("form.decision"))).isEmpty();
            bob.screenshot("step-up-needed");

            page.findElement(By.id("step-up")).click();
            bob.waitFor(By.id("otp"));
            page.findElement(By.id("otp")).sendKeys(Totp.code(Totp.BOB_SECRET, Instant.now()));
            page.findElement(By.id("kc-login")).click();

            bob.waitForUrl("/step-up/approvals/" + id);
            bob.waitFor(By.id("approve-comment"));
            assertThat(page.findElement(By.cssSelector("li[data-rule='step-up']"))
                    .getAttribute("class")).isEqualTo("met");
            page.findElement(By.id("approve-comment")).sendKeys("Checked with the second factor");
            page.findElement(By.cssSelector("form.decision button")).click();
            bob.waitForUrl("notice=approved");
        }

        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(20));
        assertThat(Database.count(db, "select count(*) from approval where request_id = ? "
                + "and approver_username = 'bob' and decision = 'APPROVE' "
                + "and channel = 'slack-link' and auth_acr = 'gold' "
                + "and auth_time > now() - interval '5 minutes'", request)).isEqualTo(1);
        assertThat(Database.count(db, "select count(*) from audit_event where request_id = ? "
                + "and type = 'decision.refused'", request)).isZero();
    }

    @Test
    void apiTokenWithoutSecondFactor_gets401NamingTheNeededSignIn_andIsAudited() {
        String id = api.submit(ALICE, ENTITLEMENT, "PT1M");
        UUID request = UUID.fromString(id);

        Api.decide(BOB, id, "approve", "from a script").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString(
                        "error=\"insufficient_user_authentication\""))
                .header("WWW-Authenticate", containsString("acr_values=\"gold\""))
                .body("reasons[0]", containsString("second factor"));

        Api.as(BOB).when().get("/api/requests/" + id + "/rules").then().statusCode(200)
                .body("decision.needsStepUp", equalTo(true))
                .body("decision.mayApprove", equalTo(false))
                .body("decision.checks.find { it.rule == 'step-up' }.met", equalTo(false))
                .body("decision.checks.find { it.rule == 'step-up' }.explanation",
                        containsString("you have acr silver and no recorded sign-in time"));
        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");
        assertThat(Database.count(db, "select count(*) from approval where request_id = ?",
                request)).isZero();
        assertThat(Database.count(db, "select count(*) from audit_event where request_id = ? "
                + "and type = 'decision.refused' and actor_username = 'bob' "
                + "and details->>'reasons' like '%second factor%'", request)).isEqualTo(1);
        Api.as(BOB).when().get("/api/requests/" + id).then().statusCode(200)
                .body("state", equalTo("PENDING"));
    }
}
