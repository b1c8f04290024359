package dev.elevate.entitlement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.elevate.identity.Caller;

/** What a caller may ask for. */
@ApplicationScoped
public class EntitlementCatalog {

    @Inject
    EntitlementRepository entitlements;

    public List<Entitlement> requestableBy(Caller caller) {
        return entitlements.listAllOrdered().stream()
                .filter(e -> e.mayBeRequestedBy(caller))
                .toList();
    }

    public List<Entitlement> approvableBy(Caller caller) {
        return entitlements.listAllOrdered().stream()
                .filter(e -> e.mayBeApprovedBy(caller))
                .toList();
    }
}
