package dev.elevate.entitlement.policy;

import java.time.Duration;

/**
 * Whether deciding needs a fresh sign-in with a second factor, and how fresh it must be.
 * {@link #NONE} when the policy asks for nothing beyond the normal session.
 */
public record StepUpRule(boolean required, Duration maxAge) {

    public static final StepUpRule NONE = new StepUpRule(false, Duration.ZERO);
}
