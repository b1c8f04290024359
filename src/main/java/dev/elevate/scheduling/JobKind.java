package dev.elevate.scheduling;

import java.time.Instant;

import org.quartz.Job;
import org.quartz.JobKey;
import org.quartz.TriggerKey;

/** The kinds of one-off work Elevate schedules, each keyed by the id it works on. */
public enum JobKind {
    // NB. Activation and revocation of one request share a job key: Quartz then never runs
    // them at the same time, on any instance, and scheduling a revocation replaces a pending
    // activation (or its retry) instead of racing it.
    ACTIVATE_GRANT(ActivateGrantJob.class, "GRANT"),
    REVOKE_GRANT(RevokeGrantJob.class, "GRANT"),
    TIME_OUT_REQUEST(TimeOutRequestJob.class, "TIME_OUT_REQUEST"),
    DELIVER_NOTIFICATION(DeliverNotificationJob.class, "DELIVER_NOTIFICATION"),
    BREAK_GLASS_DUE(BreakGlassDueJob.class, "BREAK_GLASS_DUE");

    static final String ID = "id";

    private final Class<? extends Job> jobClass;
    private final String keyGroup;

    JobKind(Class<? extends Job> jobClass, String keyGroup) {
        this.jobClass = jobClass;
        this.keyGroup = keyGroup;
    }

    Class<? extends Job> jobClass() {
        return jobClass;
    }

    JobKey jobKey(String id) {
        return JobKey.jobKey(id, keyGroup);
    }

    /** Unique per firing time, so a job that reschedules itself never reuses a live key. */
    TriggerKey triggerKey(String id, Instant at) {
        return TriggerKey.triggerKey(id + "@" + at.toEpochMilli(), name());
    }
}
