package dev.elevate.entitlement.policy;

import java.time.Duration;

/**
 * Emergency self-activation: granted at once with a reason, then a second person must review
 * the use within {@code reviewWithin}.
 */
public record BreakGlassRule(boolean allowed, Duration reviewWithin) {

    public static final BreakGlassRule NONE = new BreakGlassRule(false, Duration.ZERO);
}
