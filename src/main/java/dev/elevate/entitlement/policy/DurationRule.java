package dev.elevate.entitlement.policy;

import java.time.Duration;

/** How long a grant may last, counted from the moment the target system confirms it. */
public record DurationRule(Duration min, Duration standard, Duration max) {
}
