package dev.elevate.entitlement.policy;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One entitlement's new policy within a change, and the version it was written against. */
@Entity
@Table(name = "policy_change_item")
public class PolicyChangeItem {

    /** Change and entitlement together name an item. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "change_id")
        UUID changeId;

        @Column(name = "entitlement_key")
        String entitlementKey;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(changeId, k.changeId)
                    && Objects.equals(entitlementKey, k.entitlementKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(changeId, entitlementKey);
        }
    }

    @EmbeddedId
    private Key key = new Key();

    /** The active version number when the change was proposed; null if there was none. */
    @Column(name = "base_version")
    private Integer baseVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb", nullable = false)
    private String document;

    protected PolicyChangeItem() {
    }

    PolicyChangeItem(UUID changeId, String entitlementKey, Integer baseVersion, String document) {
        key.changeId = changeId;
        key.entitlementKey = entitlementKey;
        this.baseVersion = baseVersion;
        this.document = document;
    }

    public UUID changeId() {
        return key.changeId;
    }

    public String entitlementKey() {
        return key.entitlementKey;
    }

    public Integer baseVersion() {
        return baseVersion;
    }

    public String document() {
        return document;
    }
}
