package dev.elevate.entitlement;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.elevate.entitlement.policy.AccessPolicy;
import dev.elevate.entitlement.policy.PolicyCatalog;
import dev.elevate.entitlement.policy.PolicyVersion;
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
                .flatMap(e -> policies.activeVersion(e.key).map(v -> offerOf(e, v)));
    }

    /** Every enabled entitlement with an active policy, in two queries (menus ask often). */
    public List<Offer> offers() {
        Map<String, PolicyVersion> active = policies.allActive().stream()
                .collect(Collectors.toMap(PolicyVersion::entitlementKey, Function.identity()));
        return entitlements.listAllOrdered().stream()
                .filter(e -> e.enabled && active.containsKey(e.key))
                .map(e -> offerOf(e, active.get(e.key)))
                .toList();
    }

    private Offer offerOf(Entitlement entitlement, PolicyVersion version) {
        return new Offer(entitlement, policies.policy(version), version.id(), version.version());
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
