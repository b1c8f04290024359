package dev.elevate.web.page;

import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.DAVE;
import static dev.elevate.testing.DemoUsers.FRANK;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import dev.elevate.testing.Api;
import dev.elevate.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A person at a real browser: signs in on Keycloak's page, submits a request and sees it
 * listed; an approver follows the review link, signs in and approves with a click.
 */
@QuarkusTest
class BrowserLoopTest {

    @TestHTTPResource("/")
    String base;

    private String requestId;

    @AfterEach
    void endRequest() {
        if (requestId == null) {
            return;
        }
        String state = Api.state(FRANK, requestId);
        if ("PENDING".equals(state)) {
            Api.as(FRANK).post("/api/requests/" + requestId + "/cancel");
        } else if ("APPROVED".equals(state) || "ACTIVE".equals(state)) {
            Api.as(FRANK).post("/api/requests/" + requestId + "/revoke");
            Api.awaitState(FRANK, requestId, "REVOKED", Duration.ofSeconds(20));
        }
    }

    @Test
    void signInSubmitSeeListed_thenApproverApprovesFromLink() throws Exception {
        try (Browser frank = Browser.open()) {
            WebDriver page = frank.driver();
            frank.get(base + "requests/new");
            frank.signIn(FRANK);
            frank.waitFor(By.id("justification"));

            new Select(page.findElement(By.id("entitlement"))).selectByValue("payments-deploy");
            page.findElement(By.id("duration")).clear();
            page.findElement(By.id("duration")).sendKeys("PT30M");
            page.findElement(By.id("justification")).sendKeys("Rotate the replication slot");
            page.findElement(By.cssSelector("form.request-form button")).click();

            frank.waitForUrl("notice=submitted");
            requestId = page.getCurrentUrl().replaceAll(".*/requests/([0-9a-f-]+).*", "$1");
            assertThat(page.findElement(By.cssSelector(".badge")).getText()).isEqualTo("PENDING");

            frank.get(base + "requests");
            frank.waitFor(By.cssSelector("tr[data-request-id='" + requestId + "']"));
            assertThat(page.findElement(By.cssSelector("tr[data-request-id='" + requestId + "']"))
                    .getText()).contains("payments-deploy").contains("PENDING");
            frank.screenshot("my-requests");
        }

        try (Browser bob = Browser.open()) {
            WebDriver page = bob.driver();
            bob.get(base + "approvals/" + requestId + "?via=slack");
            bob.signIn(BOB);
            bob.waitFor(By.cssSelector("form.decision"));
            assertThat(page.findElement(By.cssSelector("dl.facts")).getText())
                    .contains("frank").contains("Rotate the replication slot");
            bob.screenshot("review-page");

            page.findElement(By.id("approve-comment")).sendKeys("Looks right");
            page.findElement(By.cssSelector("form.decision button")).click();
            bob.waitForUrl("notice=approved");
        }

        Api.awaitState(FRANK, requestId, "ACTIVE", Duration.ofSeconds(20));
        String channel = Api.as(FRANK).get("/api/requests/" + requestId)
                .then().extract().path("decisions[0].channel");
        assertThat(channel).isEqualTo("slack-link");

        try (Browser frank = Browser.open()) {
            frank.get(base + "requests/" + requestId);
            frank.signIn(FRANK);
            frank.waitFor(By.cssSelector("time.countdown"));
            assertThat(frank.driver().findElement(By.cssSelector("time.countdown")).getText())
                    .startsWith("ends in");
            assertThat(frank.driver().findElement(By.cssSelector("table.decisions")).getText())
                    .contains("bob").contains("Looks right");
            frank.screenshot("active-request");
        }
    }

    @Test
    void auditorSearchesTheTrail() throws Exception {
        try (Browser dave = Browser.open()) {
            dave.get(base + "audit?type=request.submitted");
            dave.signIn(DAVE);
            dave.waitFor(By.cssSelector("table.audit"));
            assertThat(dave.driver().findElement(By.cssSelector("table.audit")).getText())
                    .contains("request.submitted");
            dave.screenshot("audit-history");
        }
    }
}
