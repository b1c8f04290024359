package dev.elevate.approval;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApprovalRepository implements PanacheRepository<Approval> {

    public List<Approval> listFor(UUID requestId) {
        return list("requestId = ?1 order by decidedAt, id", requestId);
    }
}
