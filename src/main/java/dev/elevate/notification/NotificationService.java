package dev.elevate.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.elevate.audit.AuditTrail;
import dev.elevate.entitlement.Entitlement;
import dev.elevate.notification.slack.SlackDeliveryException;
import dev.elevate.notification.slack.SlackMessages;
import dev.elevate.notification.slack.SlackWebhookClient;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;
import dev.elevate.scheduling.JobScheduler;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Writes messages to the outbox with the change that caused them, and delivers them later. */
@ApplicationScoped
public class NotificationService {

    public static final String SLACK = "slack";
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    @Inject
    OutboxRepository outbox;

    @Inject
    AccessRequestRepository requests;

    @Inject
    SlackWebhookClient slack;

    @Inject
    NotificationConfig config;

    @Inject
    JobScheduler jobs;

    @Inject
    AuditTrail audit;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /**
     * Tells approvers about a new request, with a link to its review page.
     *
     * <p>TODO: decisions and grants are not announced back to Slack yet; that needs a message
     * per state change and, for threads, the Slack API instead of an incoming webhook.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage requestSubmitted(AccessRequest request, Entitlement entitlement) {
        String link = reviewLink(request);
        return enqueue(request, request.requesterUsername() + " requests " + entitlement.key
                + " for " + request.duration(), link,
                SlackMessages.requestSubmitted(request, entitlement, link));
    }

    private OutboxMessage enqueue(AccessRequest request, String summary, String link,
            String payload) {
        OutboxMessage message = new OutboxMessage();
        message.createdAt = clock.instant();
        message.channel = SLACK;
        message.requestId = request.id();
        message.summary = summary;
        message.link = link;
        message.payload = validJson(payload);
        if (slack.isConfigured()) {
            message.status = OutboxMessage.Status.PENDING;
            outbox.persist(message);
            jobs.deliverNotification(message.id, message.createdAt);
        } else {
            message.status = OutboxMessage.Status.NOT_CONFIGURED;
            outbox.persist(message);
            LOG.infof("Slack webhook not configured; message %d kept in the outbox: %s. Review: %s",
                    message.id, message.summary, link);
        }
        return message;
    }

    /**
     * Announces a break-glass use loudly: it is granted already, and a second person must
     * review it before the deadline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage breakGlassUsed(AccessRequest request, Entitlement entitlement,
            Instant reviewDue) {
        String link = reviewLink(request);
        return enqueue(request, request.requesterUsername() + " used BREAK-GLASS for "
                + entitlement.key + "; review due " + reviewDue, link,
                SlackMessages.breakGlassUsed(request, entitlement, link, reviewDue.toString()));
    }

    /** A break-glass use passed its review deadline unreviewed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage breakGlassReviewOverdue(AccessRequest request, Instant due) {
        String link = reviewLink(request) + "#break-glass";
        return enqueue(request, "OVERDUE break-glass review: " + request.requesterUsername()
                + " used " + request.entitlementKey() + "; review was due " + due, link,
                SlackMessages.breakGlassReviewOverdue(request, due.toString(), link));
    }

    /** Asks approvers to decide on more time for an active grant, before it ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxMessage extensionRequested(AccessRequest request, Duration more, String reason,
            Instant currentEnd) {
        String link = reviewLink(request);
        return enqueue(request, request.requesterUsername() + " asks to extend "
                + request.entitlementKey() + " by " + more + " (ends " + currentEnd + ")", link,
                SlackMessages.extensionRequested(request, more.toString(), reason,
                        currentEnd.toString(), link));
    }

    /** Posts one pending message; a failure is retried until the attempts run out. */
    public void deliver(long messageId) {
        String payload = QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage message = outbox.findById(messageId);
            return message != null && message.status == OutboxMessage.Status.PENDING
                    ? message.payload : null;
        });
        if (payload == null) {
            return;
        }
        try {
            slack.post(payload);
        } catch (SlackDeliveryException e) {
            QuarkusTransaction.requiringNew().run(() -> failed(messageId, e.getMessage()));
            return;
        } catch (RuntimeException e) {
            // Still a failed delivery to retry and show, never a lost message; the exception's
            // own text is left out because it may quote the (secret) webhook URL.
            String error = "unexpected error: " + e.getClass().getSimpleName();
            QuarkusTransaction.requiringNew().run(() -> failed(messageId, error));
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> sent(messageId));
    }

    public String reviewLink(AccessRequest request) {
        String base = config.baseUrl().toString().replaceAll("/+$", "");
        return base + "/approvals/" + request.id() + "?via=slack";
    }

    private void sent(long messageId) {
        OutboxMessage message = outbox.findById(messageId);
        message.status = OutboxMessage.Status.SENT;
        message.attempts++;
        message.sentAt = clock.instant();
        message.lastError = null;
        if (message.requestId != null) {
            audit.notificationSent(requests.findById(message.requestId), SLACK, messageId);
        }
        LOG.infof("Slack message %d sent: %s", messageId, message.summary);
    }

    private void failed(long messageId, String error) {
        OutboxMessage message = outbox.findById(messageId);
        message.attempts++;
        message.lastError = error;
        if (message.attempts < config.maxAttempts()) {
            Instant next = clock.instant().plus(config.retryBackoff()
                    .multipliedBy(1L << Math.min(message.attempts - 1, 10)));
            jobs.deliverNotification(messageId, next);
            LOG.warnf("Slack message %d not delivered (attempt %d), retrying at %s: %s",
                    messageId, message.attempts, next, error);
            return;
        }
        message.status = OutboxMessage.Status.FAILED;
        if (message.requestId != null) {
            audit.notificationFailed(requests.findById(message.requestId), SLACK, messageId,
                    error);
        }
        LOG.errorf("Slack message %d failed after %d attempts: %s", messageId, message.attempts,
                error);
    }

    private String validJson(String rendered) {
        try {
            return json.writeValueAsString(json.readTree(rendered));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Slack template rendered invalid JSON", e);
        }
    }
}
