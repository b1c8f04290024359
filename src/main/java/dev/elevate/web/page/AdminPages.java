package dev.elevate.web.page;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.elevate.identity.AppRole;
import dev.elevate.notification.OutboxMessage;
import dev.elevate.notification.OutboxRepository;
import dev.elevate.notification.slack.SlackWebhookClient;

/** Admins' pages: the notification outbox, and whether Slack is wired up. */
@Path("/admin")
@RolesAllowed(AppRole.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final int OUTBOX_ROWS = 200;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance outbox(List<OutboxMessage> messages,
                boolean slackConfigured);
    }

    @Inject
    OutboxRepository outbox;

    @Inject
    SlackWebhookClient slack;

    @GET
    @Path("outbox")
    public TemplateInstance outbox() {
        return Templates.outbox(outbox.newest(OUTBOX_ROWS), slack.isConfigured());
    }
}
