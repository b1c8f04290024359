package dev.elevate.grant;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccessGrantRepository implements PanacheRepositoryBase<AccessGrant, UUID> {

    public List<AccessGrant> listFor(Collection<UUID> requestIds) {
        return requestIds.isEmpty() ? List.of() : list("requestId in ?1", requestIds);
    }
}
