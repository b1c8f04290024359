package dev.elevate.scheduling;

import java.time.Instant;

import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** The kinds of one-off work Elevate schedules, each keyed by the id it works on. */
public enum JobKind {
    ACTIVATE_GRANT(ActivateGrantJob.class),
    REVOKE_GRANT(RevokeGrantJob.class),
    TIME_OUT_REQUEST(TimeOutRequestJob.class),
    DELIVER_NOTIFICATION(DeliverNotificationJob.class);

    static final String ID = "id";

    private final Class<? extends Job> jobClass;

    JobKind(Class<? extends Job> jobClass) {
        this.jobClass = jobClass;
    }

    Class<? extends Job> jobClass() {
        return jobClass;
    }

    JobKey jobKey(String id) {
        return JobKey.jobKey(id, name());
    }

    /** Unique per firing time, so a job that reschedules itself never reuses a live key. */
    TriggerKey triggerKey(String id, Instant at) {
        return TriggerKey.triggerKey(id + "@" + at.toEpochMilli(), name());
    }
}
