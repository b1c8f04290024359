package dev.elevate.approval;

import java.time.Duration;
import java.util.List;

/**
 * The decision needs a fresher, stronger sign-in: the page sends the person through Keycloak
 * again, the API answers 401 with {@code insufficient_user_authentication}.
 */
public class StepUpRequiredException extends RuntimeException {

    private final List<String> reasons;
    private final String acr;
    private final Duration maxAge;

    public StepUpRequiredException(List<String> reasons, String acr, Duration maxAge) {
        super(String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
        this.acr = acr;
        this.maxAge = maxAge;
    }

    public List<String> reasons() {
        return reasons;
    }

    public String acr() {
        return acr;
    }

    public Duration maxAge() {
        return maxAge;
    }
}
