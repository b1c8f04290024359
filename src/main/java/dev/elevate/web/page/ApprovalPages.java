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
import dev.elevate.approval.StepUpRequiredException;
import dev.elevate.approval.Decision;
import dev.elevate.approval.policy.PolicyEvaluation;
import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.InvalidRequestException;
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
        static native TemplateInstance inbox(List<RequestDetails> requests);

        static native TemplateInstance review(RequestDetails details, PolicyEvaluation evaluation,
                String via, String notice, FormErrors errors, String base);
    }

    @Inject
    CurrentCaller caller;

    @Inject
    RequestDetailsQuery query;

    @Inject
    EntitlementCatalog catalog;

    @Inject
    ApprovalService approvals;

    @GET
    public TemplateInstance inbox() {
        Caller me = caller.get();
        List<String> keys = catalog.approvableBy(me).stream().map(o -> o.entitlement().key).toList();
        return Templates.inbox(query.inbox(keys).stream()
                .filter(d -> !d.request().isRequestedBy(me))
                .toList());
    }

    @GET
    @Path("{id}")
    public TemplateInstance review(@PathParam("id") UUID id, @QueryParam("via") String via,
            @QueryParam("notice") String notice) {
        return review(id, via, Notice.textOf(notice), FormErrors.none());
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

    private TemplateInstance review(UUID id, String via, String notice, FormErrors errors) {
        Caller me = caller.get();
        RequestDetails details = query.visibleTo(id, me);
        return Templates.review(details, approvals.evaluate(details.request(), me),
                "slack".equals(via) ? "slack" : "", notice, errors, base());
    }

    /** Where this page's forms post: the normal session, or the step-up one. */
    String base() {
        return "/approvals";
    }

    private Response decide(UUID id, Decision decision, String comment, String via) {
        Caller me = caller.get();
        Channel channel = "slack".equals(via) ? Channel.SLACK_LINK : Channel.WEB;
        try {
            approvals.decide(id, decision, comment, me, me.via(channel));
        } catch (InvalidRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(review(id, via, null, FormErrors.of(e.violations()))).build();
        } catch (StepUpRequiredException e) {
            // Send the person through Keycloak with a second factor; the step-up session is
            // dropped first so that an old second-factor sign-in cannot be reused.
            Response.ResponseBuilder redirect = Response.seeOther(URI.create(
                    StepUpApprovalPages.PATH + "/" + id + ("slack".equals(via) ? "?via=slack" : "")));
            StepUpApprovalPages.dropStepUpSession(redirect);
            return redirect.build();
        }
        Notice notice = decision == Decision.APPROVE ? Notice.APPROVED : Notice.DENIED;
        return Response.seeOther(URI.create("/approvals/" + id + "?notice=" + notice.code()))
                .build();
    }
}
