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

/** Takes a grant away at its end, or early; the service retries until the connector confirms. */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class RevokeGrantJob implements Job {

    @Inject
    GrantService grants;

    @Override
    @ActivateRequestContext
    public void execute(JobExecutionContext context) {
        grants.revoke(UUID.fromString(context.getMergedJobDataMap().getString(JobKind.ID)));
    }
}
