package dev.elevate.web.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.Caller;
import dev.elevate.identity.CurrentCaller;
import dev.elevate.web.RequestDetailsQuery;

/** The approver's inbox over JSON: pending requests the caller could decide, own ones left out. */
@Path("/api/approvals")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalApi {

    @Inject
    CurrentCaller caller;

    @Inject
    EntitlementCatalog catalog;

    @Inject
    RequestDetailsQuery query;

    @GET
    public List<RequestView> pending() {
        Caller me = caller.get();
        List<String> keys = catalog.approvableBy(me).stream().map(o -> o.entitlement().key)
                .toList();
        return query.inbox(keys).stream()
                .filter(d -> !d.request().isRequestedBy(me))
                .map(RequestView::of)
                .toList();
    }

    /** Active grants whose extension waits for a decision the caller could make. */
    @GET
    @Path("extensions")
    public List<RequestView> pendingExtensions() {
        Caller me = caller.get();
        List<String> keys = catalog.approvableBy(me).stream().map(o -> o.entitlement().key)
                .toList();
        return query.extensionInbox(keys).stream()
                .filter(d -> !d.request().isRequestedBy(me))
                .map(RequestView::of)
                .toList();
    }
}
