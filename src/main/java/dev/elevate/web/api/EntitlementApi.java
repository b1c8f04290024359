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
import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.identity.CurrentCaller;

/** The entitlements the caller may request. */
@Path("/api/entitlements")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementApi {

    /** One requestable entitlement and the rules of its active policy. */
    public record EntitlementView(String key, String name, String description,
            int policyVersion, String risk, String minDuration, String defaultDuration,
            String maxDuration, int requiredApprovals, List<String> steps,
            boolean ticketRequired, String pendingTimeout, boolean stepUpRequired,
            boolean breakGlassAllowed, int maxExtensions, String maxStartDelay,
            List<String> conflicts) {

        static EntitlementView of(EntitlementCatalog.Offer offer) {
            Entitlement e = offer.entitlement();
            AccessPolicy p = offer.policy();
            return new EntitlementView(e.key, e.name, e.description, offer.policyVersion(),
                    p.risk().code(), p.duration().min().toString(),
                    p.duration().standard().toString(), p.duration().max().toString(),
                    p.approvalsRequired(), p.steps().stream().map(s -> s.name() + ": "
                            + s.approvals() + " from " + s.approvers().describe()).toList(),
                    p.ticketRequired(), p.pendingTimeout().toString(), p.stepUp().required(),
                    p.breakGlass().allowed(), p.extensions().maxCount(),
                    p.maxStartDelay().toString(), p.conflicts());
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
