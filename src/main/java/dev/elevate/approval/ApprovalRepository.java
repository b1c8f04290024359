package dev.elevate.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepository<Approval> {

    /** The decisions on the request itself, not on extensions of its grant. */
    public List<Approval> listFor(UUID requestId) {
        return list("requestId = ?1 and extensionId is null order by decidedAt, id", requestId);
    }

    /** The decisions on many requests in one query, by request. */
    public Map<UUID, List<Approval>> listFor(Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        return list("requestId in ?1 and extensionId is null order by decidedAt, id", requestIds)
                .stream().collect(Collectors.groupingBy(a -> a.requestId));
    }

    public List<Approval> listForExtension(UUID extensionId) {
        return list("extensionId = ?1 order by decidedAt, id", extensionId);
    }

    /** The decisions on every extension of one request's grant, by extension. */
    public Map<UUID, List<Approval>> listForExtensionsOf(UUID requestId) {
        return list("requestId = ?1 and extensionId is not null order by decidedAt, id",
                requestId).stream().collect(Collectors.groupingBy(a -> a.extensionId));
    }
}
