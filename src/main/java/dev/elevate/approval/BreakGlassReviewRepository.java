package dev.elevate.approval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Storage of break-glass reviews. */
@ApplicationScoped
public class BreakGlassReviewRepository implements PanacheRepositoryBase<BreakGlassReview, UUID> {

    public List<BreakGlassReview> listUnreviewed() {
        return list("reviewedAt is null order by dueAt");
    }

    public List<BreakGlassReview> listRecent(int limit) {
        return find("order by activatedAt desc").page(0, limit).list();
    }

    public long countUnreviewed() {
        return count("reviewedAt is null");
    }

    public long countOverdue(Instant now) {
        return count("reviewedAt is null and dueAt < ?1", now);
    }

    /** Unreviewed uses past their deadline whose reminder has not gone out. */
    public List<UUID> listDueUnreminded(Instant before) {
        return getEntityManager().createQuery("select r.requestId from BreakGlassReview r "
                        + "where r.reviewedAt is null and r.remindedAt is null "
                        + "and r.dueAt < :before", UUID.class)
                .setParameter("before", before)
                .getResultList();
    }

    public Optional<BreakGlassReview> findForUpdate(UUID requestId) {
        return findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
    }
}
