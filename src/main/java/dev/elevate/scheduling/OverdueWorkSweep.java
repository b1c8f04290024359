package dev.elevate.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.elevate.grant.AccessGrantRepository;
import dev.elevate.grant.GrantConfig;
import dev.elevate.grant.OverdueGrant;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.request.RequestState;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds work whose job went missing (an unexpected error inside a job, a trigger deleted by
 * hand) and schedules it again, so every grant ends and every request is decided or timed out.
 * Quartz runs it on one instance of the cluster at a time.
 */
@ApplicationScoped
public class OverdueWorkSweep {

    private static final Logger LOG = Logger.getLogger(OverdueWorkSweep.class);

    @Inject
    AccessRequestRepository requests;

    @Inject
    AccessGrantRepository grants;

    @Inject
    JobScheduler jobs;

    @Inject
    GrantConfig grantConfig;

    @Inject
    SchedulingConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "overdue-work-sweep", every = "${elevate.scheduling.sweep-every:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sweep() {
        Instant now = clock.instant();
        Instant overdue = now.minus(config.sweepGrace());
        int rescheduled = 0;
        for (UUID id : requests.listPendingPast(overdue)) {
            if (jobs.nextFireTime(JobKind.TIME_OUT_REQUEST, id.toString()) == null) {
                jobs.timeOutRequest(id, now);
                rescheduled++;
            }
        }
        for (OverdueGrant grant : grants.listOverdue(overdue, grantConfig.activationAttempts())) {
            // Activation and revocation share one job key, so one look covers both.
            if (jobs.nextFireTime(JobKind.REVOKE_GRANT, grant.requestId().toString()) == null) {
                if (grant.state() == RequestState.APPROVED) {
                    jobs.activateGrant(grant.requestId(), now);
                } else {
                    jobs.revokeGrant(grant.requestId(), now);
                }
                rescheduled++;
            }
        }
        if (rescheduled > 0) {
            LOG.warnf("overdue work rescheduled: jobs=%d", rescheduled);
        }
    }
}
