package dev.elevate.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AuditEventRepository implements PanacheRepository<AuditEvent> {

    /** Matching events, oldest first. */
    public PanacheQuery<AuditEvent> search(AuditQuery query) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (query.requestId() != null) {
            where.add("requestId = :request");
            params.and("request", query.requestId());
        }
        if (query.person() != null) {
            // Keycloak usernames are lower case; people type them as they like.
            where.add("(lower(actorUsername) = :person or lower(requesterUsername) = :person)");
            params.and("person", query.person().toLowerCase(Locale.ROOT));
        }
        if (query.entitlement() != null) {
            where.add("entitlementKey = :entitlement");
            params.and("entitlement", query.entitlement());
        }
        if (query.type() != null) {
            where.add("type = :type");
            params.and("type", query.type());
        }
        if (query.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", query.to());
        }
        Sort oldestFirst = Sort.by("occurredAt").and("id");
        return where.isEmpty() ? findAll(oldestFirst)
                : find(String.join(" and ", where), oldestFirst, params);
    }

    /** All matching events, fetched from the database in batches rather than all at once. */
    public Stream<AuditEvent> streamAll(AuditQuery query) {
        return search(query).withHint("org.hibernate.fetchSize", 500).stream();
    }

    public List<AuditEvent> timeline(UUID requestId) {
        return search(AuditQuery.forRequest(requestId)).list();
    }
}
