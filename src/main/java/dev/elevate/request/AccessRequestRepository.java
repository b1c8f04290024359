package dev.elevate.request;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccessRequestRepository implements PanacheRepositoryBase<AccessRequest, UUID> {

    /** Loads and row-locks a request, so concurrent decisions on it happen one after another. */
    public Optional<AccessRequest> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Pending requests whose window closed before the given time. */
    public List<UUID> listPendingPast(Instant before) {
        return find("state = ?1 and pendingUntil < ?2", RequestState.PENDING, before)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** A projection for sweeps that need ids only. */
    public record IdOnly(UUID id) {
    }

    /** Whether the person has a request for the entitlement in one of the given states. */
    public boolean hasOpen(String subject, String entitlementKey, Collection<RequestState> open) {
        return count("requesterSubject = ?1 and entitlementKey = ?2 and state in ?3", subject,
                entitlementKey, open) > 0;
    }

    /** The entitlements a person has requests for in the given states. */
    public Set<String> entitlementsOf(String subject, Collection<RequestState> states) {
        return new HashSet<>(getEntityManager().createQuery("select distinct r.entitlementKey "
                + "from AccessRequest r where r.requesterSubject = :subject "
                + "and r.state in :states", String.class)
                .setParameter("subject", subject).setParameter("states", states)
                .getResultList());
    }

    public List<AccessRequest> listByRequester(String subject) {
        return list("requesterSubject = ?1 order by submittedAt desc", subject);
    }

    public List<AccessRequest> listPendingFor(Collection<String> entitlementKeys) {
        if (entitlementKeys.isEmpty()) {
            return List.of();
        }
        return list("state = ?1 and entitlementKey in ?2 order by submittedAt",
                RequestState.PENDING, entitlementKeys);
    }
}
