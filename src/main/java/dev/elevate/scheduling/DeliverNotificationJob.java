package dev.elevate.scheduling;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

import dev.elevate.notification.NotificationService;
import io.quarkus.arc.Unremovable;

/** Sends one outbox message; the service retries a failed delivery a few times. */
@Dependent
@Unremovable
@DisallowConcurrentExecution
public class DeliverNotificationJob implements Job {

    @Inject
    NotificationService notifications;

    @Override
    @ActivateRequestContext
    public void execute(JobExecutionContext context) {
        notifications.deliver(Long.parseLong(context.getMergedJobDataMap().getString(JobKind.ID)));
    }
}
