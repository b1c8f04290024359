package dev.elevate.grant;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

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

    /**
     * Grants whose next step is overdue: approved and not applied, active past their end, or
     * being revoked.
     */
    public List<OverdueGrant> listOverdue(Instant before) {
        return overdue(before, null);
    }

    /** The grant of this request if its next step is overdue, checked afresh. */
    public Optional<OverdueGrant> findOverdue(UUID requestId, Instant before) {
        return overdue(before, requestId).stream().findFirst();
    }

    private List<OverdueGrant> overdue(Instant before, UUID only) {
        TypedQuery<OverdueGrant> query = getEntityManager().createQuery(
                "select new dev.elevate.grant.OverdueGrant(g.requestId, r.state) "
                        + "from AccessGrant g, AccessRequest r where r.id = g.requestId "
                        + (only == null ? "" : "and g.requestId = :only ")
                        + "and ((r.state = :approved "
                        + "and coalesce(g.nextAttemptAt, r.decidedAt) < :before) "
                        + "or (r.state = :active and g.expiresAt < :before) "
                        + "or (r.state = :revoking "
                        + "and coalesce(g.nextAttemptAt, g.revocationStartedAt) < :before))",
                        OverdueGrant.class)
                .setParameter("approved", RequestState.APPROVED)
                .setParameter("active", RequestState.ACTIVE)
                .setParameter("revoking", RequestState.REVOKING)
                .setParameter("before", before);
        if (only != null) {
            query.setParameter("only", only);
        }
        return query.getResultList();
    }

    public List<AccessGrant> listFor(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of() : list("requestId in ?1", requestIds);
    }
}
