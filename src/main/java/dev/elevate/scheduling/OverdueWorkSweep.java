package dev.elevate.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.elevate.approval.BreakGlassReviewRepository;
import dev.elevate.grant.AccessGrantRepository;
import dev.elevate.grant.OverdueGrant;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.request.RequestState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds work whose job went missing (an unexpected error inside a job, a trigger deleted by
 * hand) and schedules it again, so every grant ends, every request is decided or timed out,
 * and every overdue break-glass review is announced.
 * Quartz runs it on one instance of the cluster at a time.
 *
 * <p>NB. Each request or grant candidate is re-checked under its request's row lock in a
 * transaction of its own: the list is only a hint, and the activation, expiry and revocation
 * paths take the same lock, so the sweep never replaces a job that one of them has just
 * scheduled. Break-glass reminders need no lock (see {@link #breakGlassDue}).
 */
@ApplicationScoped
public class OverdueWorkSweep {

    private static final Logger LOG = Logger.getLogger(OverdueWorkSweep.class);

    @Inject
    AccessRequestRepository requests;

    @Inject
    AccessGrantRepository grants;

    @Inject
    BreakGlassReviewRepository breakGlass;

    @Inject
    JobScheduler jobs;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "overdue-work-sweep", every = "${elevate.scheduling.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant overdue = clock.instant().minus(config.sweepGrace());
        List<UUID> pending = QuarkusTransaction.requiringNew()
                .call(() -> requests.listPendingPast(overdue));
        List<OverdueGrant> due = QuarkusTransaction.requiringNew()
                .call(() -> grants.listOverdue(overdue));
        int rescheduled = 0;
        for (UUID id : pending) {
            rescheduled += QuarkusTransaction.requiringNew().call(() -> timeOut(id, overdue));
        }
        for (OverdueGrant grant : due) {
            UUID id = grant.requestId();
            rescheduled += QuarkusTransaction.requiringNew().call(() -> grantStep(id, overdue));
        }
        List<UUID> unreminded = QuarkusTransaction.requiringNew()
                .call(() -> breakGlass.listDueUnreminded(overdue));
        for (UUID id : unreminded) {
            rescheduled += QuarkusTransaction.requiringNew().call(() -> breakGlassDue(id));
        }
        if (rescheduled > 0) {
            LOG.warnf("overdue work rescheduled: jobs=%d", rescheduled);
        }
    }

    private int timeOut(UUID id, Instant overdue) {
        AccessRequest request = requests.findForUpdate(id).orElse(null);
        if (request == null || !request.isPendingPast(overdue)
                || jobs.nextFireTime(JobKind.TIME_OUT_REQUEST, id.toString()) != null) {
            return 0;
        }
        jobs.timeOutRequest(id, clock.instant());
        return 1;
    }

    /**
     * No row lock here: the reminder job takes the review's lock and sends at most once, so
     * scheduling it twice does no harm.
     */
    private int breakGlassDue(UUID id) {
        if (jobs.nextFireTime(JobKind.BREAK_GLASS_DUE, id.toString()) != null) {
            return 0;
        }
        jobs.breakGlassDue(id, clock.instant());
        return 1;
    }

    private int grantStep(UUID id, Instant overdue) {
        requests.findForUpdate(id);
        OverdueGrant grant = grants.findOverdue(id, overdue).orElse(null);
        // Activation and revocation share one job key, so one look covers both.
        if (grant == null || jobs.nextFireTime(JobKind.REVOKE_GRANT, id.toString()) != null) {
            return 0;
        }
        if (grant.state() == RequestState.APPROVED) {
            jobs.activateGrant(id, clock.instant());
        } else {
            jobs.revokeGrant(id, clock.instant());
        }
        return 1;
    }
}
