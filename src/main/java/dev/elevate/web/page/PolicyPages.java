package dev.elevate.web.page;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.elevate.approval.BreakGlassReview;
import dev.elevate.approval.BreakGlassReviewRepository;
import dev.elevate.entitlement.policy.InvalidPolicyDocumentException;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.entitlement.policy.PolicyChange;
import dev.elevate.entitlement.policy.PolicyChangeNotFoundException;
import dev.elevate.entitlement.policy.PolicyChangeRepository;
import dev.elevate.entitlement.policy.PolicyChangeService;
import dev.elevate.entitlement.policy.PolicyDocument;
import dev.elevate.entitlement.policy.PolicyDocumentWriter;
import dev.elevate.entitlement.policy.PolicyFormat;
import dev.elevate.entitlement.policy.PolicyImpact;
import dev.elevate.entitlement.policy.PolicyProblem;
import dev.elevate.entitlement.policy.PolicyVersionRepository;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;

/**
 * Admins edit policies as one document (YAML here), see proposed changes with who gains and
 * loses what, and confirm or reject others' changes; auditors read along.
 */
@Path("/admin/policies")
@RolesAllowed({AppRole.ADMIN, AppRole.AUDITOR})
@Produces(MediaType.TEXT_HTML)
public class PolicyPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policies(String document, List<PolicyChange> changes,
                List<PolicyProblem> problems, List<BreakGlassReview> breakGlass, long unreviewed,
                long overdue);

        static native TemplateInstance change(PolicyChange change, List<PolicyImpact> impact,
                boolean mine, String source);
    }

    @Inject
    PolicyVersionRepository versions;

    @Inject
    PolicyCatalog catalog;

    @Inject
    PolicyChangeRepository changes;

    @Inject
    PolicyChangeService service;

    @Inject
    BreakGlassReviewRepository breakGlass;

    @Inject
    CurrentCaller caller;

    @Inject
    Clock clock;

    @GET
    @Transactional
    public TemplateInstance policies() {
        return page(null, List.of());
    }

    @POST
    @RolesAllowed(AppRole.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response propose(@FormParam("document") String document) {
        Caller me = caller.get();
        try {
            PolicyChange change = service.propose(document, PolicyFormat.of(null, document), me,
                    me.via(Channel.WEB));
            return Response.seeOther(URI.create("/admin/policies/changes/" + change.id()))
                    .build();
        } catch (InvalidPolicyDocumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(page(document, e.problems())).build();
        }
    }

    @GET
    @Path("changes/{id}")
    @Transactional
    public TemplateInstance change(@PathParam("id") UUID id) {
        PolicyChange change = changes.findByIdOptional(id)
                .orElseThrow(PolicyChangeNotFoundException::new);
        List<PolicyImpact> impact = change.state() == PolicyChange.State.PROPOSED
                ? service.impact(id) : List.of();
        return Templates.change(change, impact,
                change.authorSubject().equals(caller.get().subject()), change.source());
    }

    @POST
    @Path("changes/{id}/confirm")
    @RolesAllowed(AppRole.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") UUID id, @FormParam("comment") String comment) {
        Caller me = caller.get();
        service.confirm(id, comment, me, me.via(Channel.WEB));
        return Response.seeOther(URI.create("/admin/policies/changes/" + id)).build();
    }

    @POST
    @Path("changes/{id}/reject")
    @RolesAllowed(AppRole.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") UUID id, @FormParam("comment") String comment) {
        Caller me = caller.get();
        service.reject(id, comment, me, me.via(Channel.WEB));
        return Response.seeOther(URI.create("/admin/policies/changes/" + id)).build();
    }

    private TemplateInstance page(String document, List<PolicyProblem> problems) {
        String current = document != null ? document : PolicyDocumentWriter.write(
                new PolicyDocument(versions.allActive().stream().map(catalog::policy).toList()),
                PolicyFormat.YAML);
        return Templates.policies(current, changes.listRecent(50), problems,
                breakGlass.listUnreviewed(), breakGlass.countUnreviewed(),
                breakGlass.countOverdue(clock.instant()));
    }
}
