package dev.elevate.web.page;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.grant.GrantExtensionService;
import dev.elevate.grant.GrantService;
import dev.elevate.identity.AppRole;
import dev.elevate.identity.Caller;
import dev.elevate.identity.Channel;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.request.AccessRequest;
import dev.elevate.request.InvalidRequestException;
import dev.elevate.request.NotEligibleException;
import dev.elevate.request.RequestConflictException;
import dev.elevate.request.RequestService;
import dev.elevate.request.RequestState;
import dev.elevate.web.RequestDetails;
import dev.elevate.web.RequestDetailsQuery;

/** The requester's pages: my requests, a new request, and one request with its timeline. */
@Path("/requests")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class RequestPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<RequestDetails> requests, String notice);

        static native TemplateInstance form(List<EntitlementCatalog.Offer> offers, RequestForm form,
                FormErrors errors, String problem);

        static native TemplateInstance detail(RequestDetails details, String notice,
                boolean canCancel, boolean canRevoke, boolean canExtend, boolean canWithdraw,
                String problem, FormErrors errors);
    }

    @Inject
    CurrentCaller caller;

    @Inject
    Viewer viewer;

    @Inject
    RequestDetailsQuery query;

    @Inject
    EntitlementCatalog catalog;

    @Inject
    RequestService requests;

    @Inject
    GrantService grants;

    @Inject
    GrantExtensionService extensions;

    @GET
    public TemplateInstance list(@QueryParam("notice") String notice) {
        return Templates.list(query.mine(caller.get()), Notice.textOf(notice));
    }

    // NB. The catalog decides who may request what; the form lists only what the caller may.
    @GET
    @Path("new")
    public TemplateInstance form(@QueryParam("entitlement") String entitlement) {
        List<EntitlementCatalog.Offer> requestable = catalog.requestableBy(caller.get());
        RequestForm form = new RequestForm();
        form.entitlement = entitlement;
        form.duration = requestable.stream()
                .filter(o -> entitlement == null || o.entitlement().key.equals(entitlement))
                .findFirst()
                .map(o -> o.policy().duration().standard().toString())
                .orElse(null);
        return Templates.form(requestable, form, FormErrors.none(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@BeanParam RequestForm form) {
        Caller me = caller.get();
        try {
            AccessRequest request = requests.submit(form.draft(viewer.zone()), me,
                    me.via(Channel.WEB));
            return seeOther(request.id(), Notice.SUBMITTED);
        } catch (InvalidRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(Templates.form(catalog.requestableBy(me), form,
                            FormErrors.of(e.violations()), null))
                    .build();
        } catch (NotEligibleException e) {
            // The policy refused (and audited) it; keep what was typed and say why.
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(Templates.form(catalog.requestableBy(me), form, FormErrors.none(),
                            String.join("; ", e.reasons())))
                    .build();
        } catch (RequestConflictException e) {
            // Keep what was typed: the person may want to cancel the other request first.
            return Response.status(Response.Status.CONFLICT)
                    .entity(Templates.form(catalog.requestableBy(me), form, FormErrors.none(),
                            e.getMessage()))
                    .build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") UUID id, @QueryParam("notice") String notice) {
        return detail(id, Notice.textOf(notice), null, FormErrors.none());
    }

    private TemplateInstance detail(UUID id, String notice, String problem, FormErrors errors) {
        Caller me = caller.get();
        RequestDetails details = query.visibleTo(id, me);
        AccessRequest request = details.request();
        boolean mine = request.isRequestedBy(me);
        boolean canRevoke = (mine || me.hasRole(AppRole.ADMIN))
                && (request.state() == RequestState.ACTIVE
                        || request.state() == RequestState.APPROVED);
        boolean canExtend = mine && request.state() == RequestState.ACTIVE
                && details.pendingExtension().isEmpty()
                && details.grant() != null
                && details.grant().hasExtensionLeft(details.policy().extensions());
        boolean canWithdraw = mine && details.pendingExtension().isPresent();
        return Templates.detail(details, notice, mine && request.state() == RequestState.PENDING,
                canRevoke, canExtend, canWithdraw, problem, errors);
    }

    @POST
    @Path("{id}/extend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") UUID id, @FormParam("duration") String duration,
            @FormParam("reason") String reason) {
        Caller me = caller.get();
        try {
            boolean waits = extensions.extend(id, duration, reason, me, me.via(Channel.WEB))
                    .isPending();
            return seeOther(id, waits ? Notice.EXTENSION_REQUESTED : Notice.EXTENDED);
        } catch (InvalidRequestException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(detail(id, null, null, FormErrors.of(e.violations()))).build();
        } catch (NotEligibleException e) {
            return Response.status(Response.Status.FORBIDDEN)
                    .entity(detail(id, null, String.join("; ", e.reasons()), FormErrors.none()))
                    .build();
        } catch (RequestConflictException e) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(detail(id, null, e.getMessage(), FormErrors.none())).build();
        }
    }

    @POST
    @Path("{id}/extensions/{extension}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdrawExtension(@PathParam("id") UUID id,
            @PathParam("extension") UUID extension) {
        Caller me = caller.get();
        extensions.withdrawExtension(id, extension, me, me.via(Channel.WEB));
        return seeOther(id, Notice.EXTENSION_WITHDRAWN);
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") UUID id) {
        Caller me = caller.get();
        requests.cancel(id, me, me.via(Channel.WEB));
        return seeOther(id, Notice.CANCELLED);
    }

    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        Caller me = caller.get();
        grants.revokeEarly(id, me, me.via(Channel.WEB), reason);
        return seeOther(id, Notice.REVOKING);
    }

    private static Response seeOther(UUID id, Notice notice) {
        return Response.seeOther(URI.create("/requests/" + id + "?notice=" + notice.code()))
                .build();
    }
}
