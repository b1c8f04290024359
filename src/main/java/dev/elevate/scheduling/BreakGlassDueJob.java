package dev.elevate.scheduling;

import java.util.UUID;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import dev.elevate.approval.BreakGlassService;
import io.quarkus.arc.Unremovable;

/** At a break-glass use's review deadline: if nobody reviewed it, say so loudly, once. */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class BreakGlassDueJob implements Job {

    @Inject
    BreakGlassService breakGlass;

    @Override
    @ActivateRequestContext
    public void execute(JobExecutionContext context) {
        breakGlass.remindIfOverdue(
                UUID.fromString(context.getMergedJobDataMap().getString(JobKind.ID)));
    }
}
