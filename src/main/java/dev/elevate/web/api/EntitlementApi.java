package dev.elevate.web.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

import dev.elevate.entitlement.Entitlement;
import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.CurrentCaller;

/** The entitlements the caller may request. */
@Path("/api/entitlements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementApi {

    /** One requestable entitlement and its rules. */
    public record EntitlementView(String key, String name, String description,
            String minDuration, String defaultDuration, String maxDuration,
            int requiredApprovals, boolean ticketRequired, String pendingTimeout) {

        static EntitlementView of(Entitlement e) {
            return new EntitlementView(e.key, e.name, e.description, e.minDuration().toString(),
                    e.defaultDuration().toString(), e.maxDuration().toString(),
                    e.requiredApprovals, e.ticketRequired, e.pendingTimeout().toString());
        }
    }

    @Inject
    EntitlementCatalog catalog;

    @Inject
    CurrentCaller caller;

    @GET
    public List<EntitlementView> requestable() {
        return catalog.requestableBy(caller.get()).stream().map(EntitlementView::of).toList();
    }
}
