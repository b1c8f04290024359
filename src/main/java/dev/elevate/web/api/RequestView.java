package dev.elevate.web.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.elevate.approval.Approval;
import dev.elevate.grant.AccessGrant;
import dev.elevate.grant.GrantExtension;
import dev.elevate.request.AccessRequest;
import dev.elevate.web.ExtensionDetails;
import dev.elevate.web.RequestDetails;

/** An access request as the API returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestView(UUID id, String entitlement, String state, String requester,
        String duration, String justification, String ticket, Instant submittedAt,
        Instant pendingUntil, Instant decidedAt, Instant endedAt, int approvalsRequired,
        List<DecisionView> decisions, GrantView grant, List<ExtensionView> extensions) {

    /** One approver's decision. */
    public record DecisionView(String approver, String decision, String comment, String channel,
            Instant decidedAt) {
    }

    /** What the connector did; {@code lastError} is set while a call keeps failing. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record GrantView(String connector, String target, Instant activatedAt,
            Instant expiresAt, Instant revokedAt, String endReason, int failedAttempts,
            String lastError, Instant nextAttemptAt) {
    }

    /** More time asked for on the grant; {@code expiresAt} is the end it gave, once approved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExtensionView(UUID id, String state, String duration, String reason,
            String requestedBy, Instant requestedAt, Instant decidedAt, Instant expiresAt,
            List<DecisionView> decisions) {

        static ExtensionView of(ExtensionDetails e) {
            GrantExtension x = e.extension();
            return new ExtensionView(x.id(), x.state().name(), x.duration().toString(),
                    x.reason(), x.requestedBy(), x.requestedAt(), x.decidedAt(),
                    x.expiresAtAfter(), e.decisions().stream().map(RequestView::decision)
                            .toList());
        }
    }

    public static RequestView of(RequestDetails details) {
        AccessRequest r = details.request();
        return new RequestView(r.id(), r.entitlementKey(), r.state().name(),
                r.requesterUsername(), r.duration().toString(), r.justification(), r.ticket(),
                r.submittedAt(), r.pendingUntil(), r.decidedAt(), r.endedAt(),
                r.requiredApprovals(), details.approvals().stream().map(RequestView::decision)
                        .toList(), grant(details.grant()),
                details.extensions().stream().map(ExtensionView::of).toList());
    }

    private static DecisionView decision(Approval a) {
        return new DecisionView(a.approverUsername, a.decision.name(), a.comment, a.channel,
                a.decidedAt);
    }

    private static GrantView grant(AccessGrant g) {
        if (g == null) {
            return null;
        }
        return new GrantView(g.connector, g.target, g.activatedAt, g.expiresAt, g.revokedAt,
                g.endReason == null ? null : g.endReason.name(), g.attempts, g.lastError,
                g.nextAttemptAt);
    }
}
