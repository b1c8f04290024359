package dev.elevate.scheduling;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static dev.elevate.testing.DemoUsers.DAVE;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.elevate.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** Nobody decided in time: the scheduler ends the request, and late decisions are refused. */
@QuarkusTest
class PendingTimeoutTest {

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void undecidedRequest_timesOutWithoutAnyoneActing() {
        String id = api.submit(ALICE, "short-pending", "PT1M");

        Api.awaitState(ALICE, id, "TIMED_OUT", Duration.ofSeconds(20));

        Api.as(DAVE).queryParam("request", id).queryParam("type", "request.timed_out")
                .get("/api/audit")
                .then().statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].channel", equalTo("scheduler"))
                .body("[0].actor", equalTo("scheduler"));
        Api.decide(BOB, id, "approve", "sorry, late").then().statusCode(409);
    }

    @Test
    void decisionAfterDeadline_is409EvenBeforeTheSweep() throws InterruptedException {
        String id = api.submit(ALICE, "short-pending", "PT1M");
        Thread.sleep(3_200);

        // Whichever comes first, the job or this call, the answer is the same: too late.
        Api.decide(BOB, id, "approve", "late").then().statusCode(409)
                .body("detail", anyOf(containsString("can no longer be decided"),
                        containsString("Too late")));
        Api.awaitState(ALICE, id, "TIMED_OUT", Duration.ofSeconds(10));
    }
}
