package dev.elevate.scheduling;

import static dev.elevate.testing.DemoUsers.ALICE;
import static dev.elevate.testing.DemoUsers.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;

import dev.elevate.testing.Api;
import dev.elevate.testing.KeycloakClient;
import io.quarkus.test.junit.QuarkusTest;

/** A grant whose job was lost still ends: the sweep finds it overdue and schedules it again. */
@QuarkusTest
class OverdueWorkSweepTest {

    @Inject
    Scheduler quartz;

    private final Api api = new Api();

    @AfterEach
    void endRequests() {
        api.endAll();
    }

    @Test
    void activeGrantWithoutItsRevokeJob_isStillRevoked() throws Exception {
        String id = api.submit(ALICE, "quick-debug", "PT3S");
        Api.decide(BOB, id, "approve", "ok").then().statusCode(200);
        Api.awaitState(ALICE, id, "ACTIVE", Duration.ofSeconds(20));

        assertThat(quartz.deleteJob(JobKey.jobKey(id, "GRANT"))).isTrue();

        Api.awaitState(ALICE, id, "EXPIRED", Duration.ofSeconds(30));
        assertThat(KeycloakClient.realmRoles(ALICE)).doesNotContain("staging-debug");
    }
}
