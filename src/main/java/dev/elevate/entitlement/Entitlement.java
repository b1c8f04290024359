package dev.elevate.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Something a person can ask for: a role in a target system. Who may ask, who approves and
 * for how long live in its versioned policy ({@link dev.elevate.entitlement.policy}).
 */
@Entity
@Table(name = "entitlement")
public class Entitlement {

    @Id
    @Column(name = "entitlement_key")
    public String key;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    /** Which connector grants it, e.g. {@code keycloak-realm-role}. */
    @Column(nullable = false)
    public String connector;

    /** What the connector grants, in its own terms (for realm roles: the role name). */
    @Column(nullable = false)
    public String target;

    @Column(nullable = false)
    public boolean enabled;
}
