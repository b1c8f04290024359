package dev.elevate.web.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import dev.elevate.approval.BreakGlassReview;
import dev.elevate.approval.BreakGlassReviewRepository;
import dev.elevate.approval.BreakGlassService;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;

/** Break-glass uses: the list auditors watch, and the second person's review. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BreakGlassApi {

    /** One use and where its review stands. */
    public record UseView(UUID request, Instant activatedAt, Instant dueAt, boolean overdue,
            Instant reviewedAt, String reviewer, String outcome, String comment) {

        static UseView of(BreakGlassReview r, Instant now) {
            return new UseView(r.requestId, r.activatedAt, r.dueAt, r.isOverdue(now),
                    r.reviewedAt, r.reviewerUsername, r.outcome == null ? null : r.outcome.name(),
                    r.comment);
        }
    }

    /** Counts first, then the unreviewed uses, soonest due first. */
    public record Summary(long unreviewed, long overdue, List<UseView> uses) {
    }

    /** The body of a review. */
    public record ReviewBody(String outcome, String comment) {
    }

    @Inject
    BreakGlassReviewRepository reviews;

    @Inject
    BreakGlassService service;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @GET
    @Path("break-glass")
    @RolesAllowed({AppRole.AUDITOR, AppRole.ADMIN})
    @Transactional
    public Summary unreviewed() {
        Instant now = clock.instant();
        return new Summary(reviews.countUnreviewed(), reviews.countOverdue(now),
                reviews.listUnreviewed().stream().map(r -> UseView.of(r, now)).toList());
    }

    @POST
    @Path("requests/{id}/break-glass-review")
    public UseView review(@PathParam("id") UUID id, ReviewBody body) {
        Caller me = caller.get();
        ReviewBody input = body == null ? new ReviewBody(null, null) : body;
        BreakGlassReview review = service.review(id, input.outcome(), input.comment(), me,
                me.via(Channel.API));
        return UseView.of(review, clock.instant());
    }
}
