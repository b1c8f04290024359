package dev.elevate.notification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    public List<OutboxMessage> newest(int count) {
        return find("order by createdAt desc, id desc").page(Page.ofSize(count)).list();
    }
}
