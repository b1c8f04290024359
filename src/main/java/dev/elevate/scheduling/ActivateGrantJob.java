package dev.elevate.scheduling;

import java.util.UUID;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import dev.elevate.grant.GrantService;
import io.quarkus.arc.Unremovable;

/** Asks the connector to grant an approved request; the service retries on failure. */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class ActivateGrantJob implements Job {

    @Inject
    GrantService grants;

    @Override
    @ActivateRequestContext
    public void execute(JobExecutionContext context) {
        grants.activate(UUID.fromString(context.getMergedJobDataMap().getString(JobKind.ID)));
    }
}
