package dev.elevate.entitlement.policy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Storage of policy versions. */
@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, Long> {

    public Optional<PolicyVersion> active(String entitlementKey) {
        return find("entitlementKey = ?1 and state = ?2", entitlementKey,
                PolicyVersion.State.ACTIVE).firstResultOptional();
    }

    public List<PolicyVersion> allActive() {
        return list("state = ?1 order by entitlementKey", PolicyVersion.State.ACTIVE);
    }

    public List<PolicyVersion> history(String entitlementKey) {
        return list("entitlementKey = ?1 order by version desc", entitlementKey);
    }

    public int latestNumber(String entitlementKey) {
        Integer max = getEntityManager().createQuery("select max(v.version) from PolicyVersion v "
                + "where v.entitlementKey = :key", Integer.class)
                .setParameter("key", entitlementKey).getSingleResult();
        return max == null ? 0 : max;
    }
}
