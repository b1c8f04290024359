package dev.elevate.entitlement;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The catalog's storage.
 *
 * <p>TODO: the catalog is edited through SQL only; admin pages and an API with versioned,
 * two-person changes replace that.
 */
@ApplicationScoped
public class EntitlementRepository implements PanacheRepositoryBase<Entitlement, String> {

    public Optional<Entitlement> findByKey(String key) {
        return key == null ? Optional.empty() : findByIdOptional(key);
    }

    public List<Entitlement> listAllOrdered() {
        return list("order by key");
    }
}
