package dev.elevate.web.page;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import dev.elevate.approval.ApprovalService;
import dev.elevate.approval.BreakGlassReview;
import dev.elevate.approval.BreakGlassReviewRepository;
import dev.elevate.approval.BreakGlassService;
import dev.elevate.approval.StepUpRequiredException;
import dev.elevate.approval.Decision;
import dev.elevate.approval.policy.PolicyEvaluation;
import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.web.ExtensionDetails;
import dev.elevate.web.RequestDetails;
import dev.elevate.web.RequestDetailsQuery;

/**
 * The approvers' pages. Slack links land on the review page: a GET only shows it, and only
 * a POST carrying the CSRF token decides, so link previews and scanners decide nothing.
 */
@Path("/approvals")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ApprovalPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<RequestDetails> requests,
                List<RequestDetails> extensions);

        static native TemplateInstance review(RequestDetails details, PolicyEvaluation evaluation,
                ExtensionReview extension, BreakGlassReview breakGlass,
                String breakGlassRefusal, String via, String notice, FormErrors errors,
                String errorForm, String base);
    }

    /** Which of the page's forms a re-rendered error belongs to. */
    enum Form { REQUEST, EXTENSION, BREAK_GLASS }

    /** The extension waiting on this request's grant, and the rules for deciding it. */
    public record ExtensionReview(ExtensionDetails pending, PolicyEvaluation evaluation) {
    }

    @Inject
    CurrentCaller caller;

    @Inject
    RequestDetailsQuery query;

    @Inject
    EntitlementCatalog catalog;

    @Inject
    ApprovalService approvals;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    BreakGlassReviewRepository breakGlassReviews;

    @GET
    public TemplateInstance inbox() {
        Caller me = caller.get();
        List<String> keys = catalog.approvableBy(me).stream().map(o -> o.entitlement().key).toList();
        return Templates.inbox(query.inbox(keys).stream()
                .filter(d -> !d.request().isRequestedBy(me))
                .toList(), query.extensionInbox(keys).stream()
                .filter(d -> !d.request().isRequestedBy(me))
                .toList());
    }

    @GET
    @Path("{id}")
    public TemplateInstance review(@PathParam("id") UUID id, @QueryParam("via") String via,
            @QueryParam("notice") String notice) {
        return review(id, via, Notice.textOf(notice), FormErrors.none(), Form.REQUEST);
    }

    // NB. Any signed-in person may post a decision: the policy refuses and audits outsiders,
    // and approvers may come from groups as well as roles.
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") UUID id, @FormParam("comment") String comment,
            @FormParam("via") String via) {
        return decide(id, Decision.APPROVE, comment, via);
    }

    @POST
    @Path("{id}/deny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deny(@PathParam("id") UUID id, @FormParam("comment") String comment,
            @FormParam("via") String via) {
        return decide(id, Decision.DENY, comment, via);
    }

    @POST
    @Path("{id}/extensions/{extension}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approveExtension(@PathParam("id") UUID id,
            @PathParam("extension") UUID extension, @FormParam("comment") String comment,
            @FormParam("via") String via) {
        return decideExtension(id, extension, Decision.APPROVE, comment, via);
    }

    @POST
    @Path("{id}/extensions/{extension}/deny")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response denyExtension(@PathParam("id") UUID id,
            @PathParam("extension") UUID extension, @FormParam("comment") String comment,
            @FormParam("via") String via) {
        return decideExtension(id, extension, Decision.DENY, comment, via);
    }

    /** The second person's sign-off on a break-glass use; the service says who may. */
    @POST
    @Path("{id}/break-glass-review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reviewBreakGlass(@PathParam("id") UUID id,
            @FormParam("outcome") String outcome, @FormParam("comment") String comment,
            @FormParam("via") String via) {
        Caller me = caller.get();
        return decided(id, via, Form.BREAK_GLASS, Notice.BREAK_GLASS_REVIEWED,
                () -> breakGlass.review(id, outcome, comment, me, me.via(channel(via))));
    }

    private TemplateInstance review(UUID id, String via, String notice, FormErrors errors,
            Form errorForm) {
        Caller me = caller.get();
        RequestDetails details = query.visibleTo(id, me);
        ExtensionDetails pending = details.pendingExtension().orElse(null);
        ApprovalService.Review rules = approvals.evaluate(details.request(),
                pending == null ? null : pending.extension(), me);
        ExtensionReview extension = pending == null ? null
                : new ExtensionReview(pending, rules.extension());
        BreakGlassReview use = breakGlassReviews.findById(id);
        String refusal = use == null || use.isReviewed() ? null
                : breakGlass.reviewRefusal(details.request(), me).orElse(null);
        return Templates.review(details, rules.request(), extension,
                use, refusal, "slack".equals(via) ? "slack" : "", notice, errors,
                errorForm.name(), base());
    }

    /** Where this page's forms post: the normal session, or the step-up one. */
    String base() {
        return "/approvals";
    }

    private Response decide(UUID id, Decision decision, String comment, String via) {
        Caller me = caller.get();
        Notice done = decision == Decision.APPROVE ? Notice.APPROVED : Notice.DENIED;
        return decided(id, via, Form.REQUEST, done, () -> approvals.decide(id, decision,
                comment, me, me.via(channel(via))));
    }

    private Response decideExtension(UUID id, UUID extension, Decision decision, String comment,
            String via) {
        Caller me = caller.get();
        Notice done = decision == Decision.APPROVE ? Notice.EXTENSION_APPROVED
                : Notice.EXTENSION_DENIED;
        return decided(id, via, Form.EXTENSION, done, () -> approvals.decideExtension(id,
                extension, decision, comment, me, me.via(channel(via))));
    }

    private static Channel channel(String via) {
        return "slack".equals(via) ? Channel.SLACK_LINK : Channel.WEB;
    }

    /** Runs one decision and answers with the page that follows it. */
    private Response decided(UUID id, String via, Form form, Notice done, Runnable decision) {
        try {
            decision.run();
        } catch (InvalidRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(review(id, via, null, FormErrors.of(e.violations()), form)).build();
        } catch (StepUpRequiredException e) {
            // Send the person through Keycloak with a second factor; the step-up session is
            // dropped first so that an old second-factor sign-in cannot be reused.
            String stepUp = StepUpApprovalPages.PATH + "/" + id
                    + ("slack".equals(via) ? "?via=slack" : "");
            Response.ResponseBuilder redirect = Response.seeOther(URI.create(stepUp));
            StepUpApprovalPages.dropStepUpSession(redirect);
            return redirect.build();
        }
        return Response.seeOther(URI.create("/approvals/" + id + "?notice=" + done.code()))
                .build();
    }
}
