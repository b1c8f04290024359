package dev.elevate.request;

import dev.elevate.entitlement.EntitlementCatalog;
import dev.elevate.identity.Actor;
import dev.elevate.identity.Caller;

/**
 * A request was stored and audited, in the transaction still open; observers decide in that
 * same transaction whether it waits for approvers, is approved by a rule, or is break-glass.
 */
public record SubmittedRequest(AccessRequest request, EntitlementCatalog.Offer offer,
        Caller caller, Actor actor, boolean breakGlass) {
}
