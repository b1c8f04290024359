package dev.elevate.grant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class GrantExtensionRepository implements PanacheRepositoryBase<GrantExtension, UUID> {

    /** The extension waiting for approvers on this grant, if any. */
    public Optional<GrantExtension> pendingFor(UUID requestId) {
        return find("requestId = ?1 and state = ?2", requestId, GrantExtension.State.PENDING)
                .firstResultOptional();
    }

    public List<GrantExtension> listFor(UUID requestId) {
        return list("requestId = ?1 order by requestedAt", requestId);
    }

    /** Extensions waiting for approvers on grants of these entitlements, oldest first. */
    public List<GrantExtension> listPending(Collection<String> entitlementKeys) {
        if (entitlementKeys.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery("select e from GrantExtension e, "
                        + "AccessRequest r where r.id = e.requestId and e.state = :pending "
                        + "and r.entitlementKey in :keys order by e.requestedAt",
                        GrantExtension.class)
                .setParameter("pending", GrantExtension.State.PENDING)
                .setParameter("keys", entitlementKeys)
                .getResultList();
    }
}
