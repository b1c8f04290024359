package dev.elevate.entitlement;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.identity.Caller;

/**
 * What a caller may ask for or decide on, judged from their token for menus and lists; the
 * decisions themselves check Keycloak's live state.
 */
@ApplicationScoped
public class EntitlementCatalog {

    @Inject
    EntitlementRepository entitlements;

    @Inject
    PolicyCatalog policies;

    /** An enabled entitlement with its active policy. */
    public record Offer(Entitlement entitlement, AccessPolicy policy, long policyVersionId,
            int policyVersion) {
    }

    public Optional<Offer> offer(String key) {
        return entitlements.findByKey(key).filter(e -> e.enabled)
                .flatMap(e -> policies.activeVersion(e.key).map(v ->
                        new Offer(e, policies.policy(v), v.id(), v.version())));
    }

    public List<Offer> offers() {
        return entitlements.listAllOrdered().stream()
                .map(e -> offer(e.key))
                .flatMap(Optional::stream)
                .toList();
    }

    public List<Offer> requestableBy(Caller caller) {
        return offers().stream()
                .filter(o -> o.policy().requesters().includes(caller.groups(), caller.roles()))
                .toList();
    }

    public List<Offer> approvableBy(Caller caller) {
        return offers().stream()
                .filter(o -> o.policy().namesApprover(caller.groups(), caller.roles()))
                .toList();
    }
}
