package dev.elevate.entitlement.policy;

import java.time.Duration;

/**
 * Whether an active grant may be extended: how often, whether approvers decide again, and the
 * cap on its whole length (first grant plus extensions).
 */
public record ExtensionRule(int maxCount, boolean requiresApproval, Duration totalMax) {

    public static final ExtensionRule NONE = new ExtensionRule(0, true, Duration.ZERO);

    public boolean allowed() {
        return maxCount > 0;
    }
}
