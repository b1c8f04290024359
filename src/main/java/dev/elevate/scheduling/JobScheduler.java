package dev.elevate.scheduling;

import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

/**
 * Schedules Elevate's one-off jobs in the JDBC job store.
 *
 * <p>NB. The store is container-managed ({@code jdbc-cmt}): a job scheduled inside a
 * transaction exists only if that transaction commits, so "grant after the approval commits"
 * needs no extra machinery. Triggers fire late rather than never after downtime.
 */
@ApplicationScoped
public class JobScheduler {

    private static final Logger LOG = Logger.getLogger(JobScheduler.class);

    @Inject
    Scheduler quartz;

    public void activateGrant(UUID requestId, Instant at) {
        schedule(JobKind.ACTIVATE_GRANT, requestId.toString(), at);
    }

    public void revokeGrant(UUID requestId, Instant at) {
        schedule(JobKind.REVOKE_GRANT, requestId.toString(), at);
    }

    public void timeOutRequest(UUID requestId, Instant at) {
        schedule(JobKind.TIME_OUT_REQUEST, requestId.toString(), at);
    }

    public void cancelTimeOut(UUID requestId) {
        unschedule(JobKind.TIME_OUT_REQUEST, requestId.toString());
    }

    public void breakGlassDue(UUID requestId, Instant at) {
        schedule(JobKind.BREAK_GLASS_DUE, requestId.toString(), at);
    }

    public void deliverNotification(long messageId, Instant at) {
        schedule(JobKind.DELIVER_NOTIFICATION, Long.toString(messageId), at);
    }

    /** When a job of this kind for this id will next fire, if one is scheduled. */
    public Instant nextFireTime(JobKind kind, String id) {
        try {
            return quartz.getTriggersOfJob(kind.jobKey(id)).stream()
                    .map(Trigger::getNextFireTime)
                    .filter(Objects::nonNull)
                    .map(Date::toInstant)
                    .min(Instant::compareTo)
                    .orElse(null);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read trigger " + kind + " " + id, e);
        }
    }

    private void schedule(JobKind kind, String id, Instant at) {
        JobDetail job = JobBuilder.newJob(kind.jobClass())
                .withIdentity(kind.jobKey(id))
                .usingJobData(JobKind.ID, id)
                .requestRecovery()
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(kind.triggerKey(id, at))
                .forJob(job)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withMisfireHandlingInstructionFireNow())
                .build();
        try {
            // One job per kind and id: a moved revoke leaves no second one behind. A job may
            // reschedule itself this way while it runs (a retry); its own trigger is done.
            quartz.deleteJob(job.getKey());
            quartz.scheduleJob(job, Set.of(trigger), false);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + kind + " for " + id, e);
        }
        LOG.debugf("scheduled %s for %s at %s", kind, id, at);
    }

    private void unschedule(JobKind kind, String id) {
        try {
            quartz.deleteJob(kind.jobKey(id));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot unschedule " + kind + " for " + id, e);
        }
    }
}
