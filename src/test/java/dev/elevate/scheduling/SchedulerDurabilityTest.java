package dev.elevate.scheduling;

import static dev.elevate.testing.DemoUsers.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import dev.elevate.testing.Api;
import dev.elevate.testing.Database;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Jobs live in PostgreSQL, not in memory, and a job whose time passed while no scheduler ran
 * fires late rather than never.
 */
@QuarkusTest
class SchedulerDurabilityTest {

    @Inject
    Scheduler quartz;

    @Inject
    DataSource db;

    private final Api api = new Api();

    @AfterEach
    void restartAndEnd() throws Exception {
        quartz.start();
        api.endAll();
    }

    @Test
    void jobDueDuringDowntime_firesWhenSchedulingResumes() throws Exception {
        String id = api.submit(ALICE, "short-pending", "PT1M");
        assertThat(Database.count(db, "select count(*) from qrtz_triggers "
                + "where trigger_group = 'TIME_OUT_REQUEST' and trigger_name like ?", id + "@%"))
                .isEqualTo(1);

        // As good as a stopped instance: nothing fires, the trigger waits in the database.
        quartz.standby();
        Thread.sleep(15_000); // past the 3 s deadline and past the 10 s misfire threshold
        assertThat(Api.state(ALICE, id)).isEqualTo("PENDING");

        quartz.start();

        Api.awaitState(ALICE, id, "TIMED_OUT", Duration.ofSeconds(20));
    }
}
