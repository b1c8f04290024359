package dev.elevate.grant;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.elevate.request.RequestState;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccessGrantRepository implements PanacheRepositoryBase<AccessGrant, UUID> {

    /** Other requests whose ACTIVE grant gives the same principal the same target access. */
    public List<UUID> otherActiveHolders(AccessGrant grant) {
        return getEntityManager().createQuery("select g.requestId from AccessGrant g, "
                        + "AccessRequest r where r.id = g.requestId and r.state = :active "
                        + "and g.principalSubject = :principal and g.connector = :connector "
                        + "and g.target = :target and g.requestId <> :self", UUID.class)
                .setParameter("active", RequestState.ACTIVE)
                .setParameter("principal", grant.principalSubject)
                .setParameter("connector", grant.connector)
                .setParameter("target", grant.target)
                .setParameter("self", grant.requestId)
                .getResultList();
    }

    /**
     * Serializes, until the transaction ends, every revocation decision about one principal's
     * access to one target, so two grants ending together cannot each leave it to the other.
     */
    public void lockTarget(AccessGrant grant) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))")
                .setParameter("key", grant.principalSubject + "|" + grant.connector + "|"
                        + grant.target)
                .getSingleResult();
    }

    public List<AccessGrant> listFor(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of() : list("requestId in ?1", requestIds);
    }
}
