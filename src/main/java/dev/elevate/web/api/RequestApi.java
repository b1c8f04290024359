package dev.elevate.web.api;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.Authenticated;

import dev.elevate.approval.ApprovalService;
import dev.elevate.approval.BreakGlassReview;
import dev.elevate.approval.BreakGlassService;
import dev.elevate.approval.Decision;
import dev.elevate.grant.GrantExtension;
import dev.elevate.grant.GrantExtensionService;
import dev.elevate.grant.GrantService;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.RequestService;
import dev.elevate.web.ExtensionDetails;
import dev.elevate.web.RequestDetails;
import dev.elevate.web.RequestDetailsQuery;

/** Access requests over JSON, for scripts and tools holding a Keycloak bearer token. */
@Path("/api/requests")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestApi {

    @Inject
    CurrentCaller caller;

    @Inject
    RequestService requests;

    @Inject
    ApprovalService approvals;

    @Inject
    GrantService grants;

    @Inject
    GrantExtensionService extensions;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    RequestDetailsQuery query;

    @Inject
    Clock clock;

    // NB. Who may request what is the catalog's to say (roles or groups), not a fixed role.
    @POST
    public Response submit(RequestSubmission body) {
        Caller me = caller.get();
        RequestSubmission input = body == null
                ? new RequestSubmission(null, null, null, null, null, null) : body;
        AccessRequest request = requests.submit(input.draft(), me, me.via(Channel.API));
        return Response.created(URI.create("/api/requests/" + request.id()))
                .entity(view(request.id())).build();
    }

    @GET
    public List<RequestView> mine() {
        return query.mine(caller.get()).stream().map(RequestView::of).toList();
    }

    @GET
    @Path("{id}")
    public RequestView get(@PathParam("id") UUID id) {
        return view(id);
    }

    /**
     * Which rules apply to the caller deciding this request and its pending extension, which
     * are met and which are not; read live from Keycloak, changing nothing.
     */
    @GET
    @Path("{id}/rules")
    public RulesView rules(@PathParam("id") UUID id) {
        Caller me = caller.get();
        RequestDetails details = query.visibleTo(id, me);
        GrantExtension pending = details.pendingExtension().map(ExtensionDetails::extension)
                .orElse(null);
        ApprovalService.Review rules = approvals.evaluate(details.request(), pending, me);
        return RulesView.of(id, rules.request(), pending == null ? null : pending.id(),
                rules.extension());
    }

    /** The body of {@code POST /api/requests/{id}/extend}. */
    public record ExtensionBody(String duration, String reason) {
    }

    /**
     * 200 when the policy let the extension through and the end moved; 202 when it waits for
     * approvers, who decide it under {@code extensions/{extension}}.
     */
    @POST
    @Path("{id}/extend")
    public Response extend(@PathParam("id") UUID id, ExtensionBody body) {
        Caller me = caller.get();
        ExtensionBody input = body == null ? new ExtensionBody(null, null) : body;
        GrantExtension extension = extensions.extend(id, input.duration(), input.reason(), me,
                me.via(Channel.API));
        return Response.status(extension.isPending() ? Response.Status.ACCEPTED
                : Response.Status.OK).entity(view(id)).build();
    }

    @POST
    @Path("{id}/extensions/{extension}/approve")
    public RequestView approveExtension(@PathParam("id") UUID id,
            @PathParam("extension") UUID extension, DecisionBody body) {
        return decideExtension(id, extension, Decision.APPROVE, body);
    }

    @POST
    @Path("{id}/extensions/{extension}/deny")
    public RequestView denyExtension(@PathParam("id") UUID id,
            @PathParam("extension") UUID extension, DecisionBody body) {
        return decideExtension(id, extension, Decision.DENY, body);
    }

    @POST
    @Path("{id}/extensions/{extension}/withdraw")
    public RequestView withdrawExtension(@PathParam("id") UUID id,
            @PathParam("extension") UUID extension) {
        Caller me = caller.get();
        extensions.withdrawExtension(id, extension, me, me.via(Channel.API));
        return view(id);
    }

    // NB. No role check here: the policy refuses non-approvers with its reasons and audits it.
    @POST
    @Path("{id}/approve")
    public RequestView approve(@PathParam("id") UUID id, DecisionBody body) {
        return decide(id, Decision.APPROVE, body);
    }

    @POST
    @Path("{id}/deny")
    public RequestView deny(@PathParam("id") UUID id, DecisionBody body) {
        return decide(id, Decision.DENY, body);
    }

    @POST
    @Path("{id}/cancel")
    public RequestView cancel(@PathParam("id") UUID id) {
        Caller me = caller.get();
        requests.cancel(id, me, me.via(Channel.API));
        return view(id);
    }

    @POST
    @Path("{id}/revoke")
    public Response revoke(@PathParam("id") UUID id, RevokeBody body) {
        Caller me = caller.get();
        grants.revokeEarly(id, me, me.via(Channel.API), body == null ? null : body.reason());
        return Response.accepted(view(id)).build();
    }

    private RequestView decide(UUID id, Decision decision, DecisionBody body) {
        Caller me = caller.get();
        approvals.decide(id, decision, body == null ? null : body.comment(), me,
                me.via(Channel.API));
        return view(id);
    }

    /** The body of {@code POST /api/requests/{id}/break-glass-review}. */
    public record BreakGlassReviewBody(String outcome, String comment) {
    }

    /** A second person signs off a break-glass use: JUSTIFIED or UNJUSTIFIED, and why. */
    @POST
    @Path("{id}/break-glass-review")
    public BreakGlassApi.UseView reviewBreakGlass(@PathParam("id") UUID id,
            BreakGlassReviewBody body) {
        Caller me = caller.get();
        BreakGlassReviewBody input = body == null ? new BreakGlassReviewBody(null, null) : body;
        BreakGlassReview review = breakGlass.review(id, input.outcome(), input.comment(), me,
                me.via(Channel.API));
        return BreakGlassApi.UseView.of(review, query.visibleTo(id, me).request(),
                clock.instant());
    }

    private RequestView decideExtension(UUID id, UUID extension, Decision decision,
            DecisionBody body) {
        Caller me = caller.get();
        approvals.decideExtension(id, extension, decision, body == null ? null : body.comment(),
                me, me.via(Channel.API));
        return view(id);
    }

    private RequestView view(UUID id) {
        return RequestView.of(query.visibleTo(id, caller.get()));
    }
}
