package dev.elevate.entitlement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One role or group that may request, or may approve, an entitlement. */
@Embeddable
public class Audience {

    /** Whether the audience may ask for the entitlement or decide on requests for it. */
    public enum Purpose { REQUEST, APPROVE }

    /** A realm role from the token, or a group path from the token's groups claim. */
    public enum Kind { ROLE, GROUP }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Purpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    protected Audience() {
    }

    public Audience(Purpose purpose, Kind kind, String name) {
        this.purpose = purpose;
        this.kind = kind;
        this.name = name;
    }

    @Override
    public String toString() {
        return (kind == Kind.ROLE ? "role " : "group ") + name;
    }
}
