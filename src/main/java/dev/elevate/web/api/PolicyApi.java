package dev.elevate.web.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.entitlement.policy.PolicyChange;
import dev.elevate.entitlement.policy.PolicyChangeItem;
import dev.elevate.entitlement.policy.PolicyChangeNotFoundException;
import dev.elevate.entitlement.policy.PolicyChangeRepository;
import dev.elevate.entitlement.policy.PolicyChangeService;
import dev.elevate.entitlement.policy.PolicyDocument;
import dev.elevate.entitlement.policy.PolicyDocumentWriter;
import dev.elevate.entitlement.policy.PolicyFormat;
import dev.elevate.entitlement.policy.PolicyImpact;
import dev.elevate.entitlement.policy.PolicyVersion;
import dev.elevate.entitlement.policy.PolicyVersionRepository;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.FieldViolation;
import dev.elevate.request.InvalidRequestException;

/**
 * Policies as documents: export the active ones (JSON or YAML), propose a change, and let a
 * second admin confirm or reject it.
 */
@Path("/api")
@RolesAllowed({AppRole.ADMIN, AppRole.AUDITOR})
@Produces(MediaType.APPLICATION_JSON)
public class PolicyApi {

    /** One stored version of one policy. */
    public record VersionView(String entitlement, int version, String state, String author,
            String confirmedBy, Instant activatedAt, Instant supersededAt, String differences) {

        static VersionView of(PolicyVersion v) {
            return new VersionView(v.entitlementKey(), v.version(), v.state().name(),
                    v.authorUsername(), v.confirmedByUsername(), v.activatedAt(),
                    v.supersededAt(), v.differences());
        }
    }

    /** A proposed change, with what confirming it would do. */
    public record ChangeView(UUID id, String state, String summary, String author,
            Instant proposedAt, String decidedBy, Instant decidedAt, String comment,
            List<String> entitlements, List<PolicyImpact> impact) {
    }

    /** The body of confirm, reject and withdraw. */
    public record ChangeDecision(String comment) {
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
    CurrentCaller caller;

    @GET
    @Path("policies")
    @Produces({MediaType.APPLICATION_JSON, "application/yaml"})
    @Transactional
    public Response export(@QueryParam("format") String format) {
        PolicyFormat chosen = format == null ? PolicyFormat.JSON : PolicyFormat.parse(format)
                .orElseThrow(() -> new InvalidRequestException(List.of(
                        new FieldViolation("format", "must be json or yaml"))));
        PolicyDocument document = new PolicyDocument(versions.allActive().stream()
                .map(catalog::policy).toList());
        return Response.ok(PolicyDocumentWriter.write(document, chosen), chosen.mediaType())
                .header("Content-Disposition", "attachment; filename=\"elevate-policies."
                        + chosen.name().toLowerCase(Locale.ROOT) + "\"")
                .build();
    }

    @GET
    @Path("policies/{entitlement}/versions")
    @Transactional
    public List<VersionView> history(@PathParam("entitlement") String entitlement) {
        return versions.history(entitlement).stream().map(VersionView::of).toList();
    }

    @POST
    @Path("policy-changes")
    @RolesAllowed(AppRole.ADMIN)
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "text/yaml", "application/x-yaml",
            MediaType.TEXT_PLAIN})
    public Response propose(String document, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        PolicyFormat format = PolicyFormat.of(type, document);
        Caller me = caller.get();
        PolicyChange change = service.propose(document, format, me, me.via(Channel.API));
        return Response.status(Response.Status.CREATED)
                .header("Location", "/api/policy-changes/" + change.id())
                .entity(view(change.id())).build();
    }

    @GET
    @Path("policy-changes")
    @Transactional
    public List<ChangeView> changes() {
        return changes.listRecent(100).stream().map(c -> view(c, false)).toList();
    }

    @GET
    @Path("policy-changes/{id}")
    @Transactional
    public ChangeView change(@PathParam("id") UUID id) {
        return view(id);
    }

    @POST
    @Path("policy-changes/{id}/confirm")
    @RolesAllowed(AppRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeView confirm(@PathParam("id") UUID id, ChangeDecision body) {
        Caller me = caller.get();
        service.confirm(id, body == null ? null : body.comment(), me, me.via(Channel.API));
        return view(id);
    }

    @POST
    @Path("policy-changes/{id}/reject")
    @RolesAllowed(AppRole.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public ChangeView reject(@PathParam("id") UUID id, ChangeDecision body) {
        Caller me = caller.get();
        service.reject(id, body == null ? null : body.comment(), me, me.via(Channel.API));
        return view(id);
    }

    @POST
    @Path("policy-changes/{id}/withdraw")
    @RolesAllowed(AppRole.ADMIN)
    public ChangeView withdraw(@PathParam("id") UUID id) {
        Caller me = caller.get();
        service.withdraw(id, me, me.via(Channel.API));
        return view(id);
    }

    @Transactional
    ChangeView view(UUID id) {
        return view(changes.findByIdOptional(id).orElseThrow(PolicyChangeNotFoundException::new),
                true);
    }

    private ChangeView view(PolicyChange c, boolean withImpact) {
        List<String> keys = service.items(c.id()).stream()
                .map(PolicyChangeItem::entitlementKey).toList();
        List<PolicyImpact> impact = withImpact && c.state() == PolicyChange.State.PROPOSED
                ? service.impact(c.id()) : List.of();
        return new ChangeView(c.id(), c.state().name(), c.summary(), c.authorUsername(),
                c.proposedAt(), c.decidedByUsername(), c.decidedAt(), c.decisionComment(), keys,
                impact);
    }
}
