package dev.elevate.entitlement.policy;

import java.util.Locale;

/** How much harm misuse of an entitlement could do; high risk rules out auto-approval. */
public enum Risk {
    LOW, MEDIUM, HIGH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
