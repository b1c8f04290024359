package dev.elevate.scheduling;

import java.util.UUID;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import dev.elevate.request.RequestService;
import io.quarkus.arc.Unremovable;

/** Ends a request nobody decided in time. Decisions check the deadline themselves too. */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class TimeOutRequestJob implements Job {

    @Inject
    RequestService requests;

    @Override
    @ActivateRequestContext
    public void execute(JobExecutionContext context) {
        requests.timeOut(UUID.fromString(context.getMergedJobDataMap().getString(JobKind.ID)));
    }
}
