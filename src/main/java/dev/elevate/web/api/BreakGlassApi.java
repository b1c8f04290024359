package dev.elevate.web.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import dev.elevate.approval.BreakGlassReview;
import dev.elevate.approval.BreakGlassReviewRepository;
import dev.elevate.identity.AppRole;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.AccessRequestRepository;

/**
 * Break-glass uses, the list auditors watch. The second person's review is posted to the
 * request, in {@link RequestApi}.
 */
@Path("/api/break-glass")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class BreakGlassApi {

    /** One use and where its review stands. */
    public record UseView(UUID request, String requester, String entitlement,
            String reason, Instant activatedAt, Instant dueAt, boolean overdue,
            Instant reviewedAt, String reviewer, String outcome, String comment) {

        public static UseView of(BreakGlassReview r, AccessRequest request, Instant now) {
            return new UseView(r.requestId, request.requesterUsername(),
                    request.entitlementKey(), request.justification(), r.activatedAt, r.dueAt,
                    r.isOverdue(now), r.reviewedAt, r.reviewerUsername,
                    r.outcome == null ? null : r.outcome.name(), r.comment);
        }
    }

    /** Counts first, then the unreviewed uses, soonest due first. */
    public record Summary(long unreviewed, long overdue, List<UseView> uses) {
    }

    @Inject
    BreakGlassReviewRepository reviews;

    @Inject
    AccessRequestRepository requests;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({AppRole.AUDITOR, AppRole.ADMIN})
    @Transactional
    public Summary unreviewed() {
        Instant now = clock.instant();
        List<BreakGlassReview> open = reviews.listUnreviewed();
        Map<UUID, AccessRequest> byId = open.isEmpty() ? Map.of()
                : requests.list("id in ?1", open.stream().map(r -> r.requestId).toList())
                        .stream().collect(Collectors.toMap(AccessRequest::id, r -> r));
        return new Summary(reviews.countUnreviewed(), reviews.countOverdue(now),
                open.stream().map(r -> UseView.of(r, byId.get(r.requestId), now)).toList());
    }

}
