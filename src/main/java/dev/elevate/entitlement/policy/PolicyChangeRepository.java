package dev.elevate.entitlement.policy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Storage of proposed policy changes and their items. */
@ApplicationScoped
public class PolicyChangeRepository implements PanacheRepositoryBase<PolicyChange, UUID> {

    public Optional<PolicyChange> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<PolicyChange> listRecent(int limit) {
        return find("order by proposedAt desc").page(0, limit).list();
    }

    public List<PolicyChangeItem> items(UUID changeId) {
        return getEntityManager().createQuery("from PolicyChangeItem i where i.key.changeId = :id "
                + "order by i.key.entitlementKey", PolicyChangeItem.class)
                .setParameter("id", changeId).getResultList();
    }

    public void persistItem(PolicyChangeItem item) {
        getEntityManager().persist(item);
    }
}
