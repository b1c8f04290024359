package dev.elevate.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * What the token says about the sign-in behind it: the authentication context class
 * ({@code acr}) and the time of authentication ({@code auth_time}); either may be missing.
 */
public record SignIn(String acr, Instant authTime) {

    public static final SignIn UNKNOWN = new SignIn(null, null);

    public boolean satisfies(String requiredAcr, Duration maxAge, Instant now) {
        return requiredAcr.equals(acr) && authTime != null
                && !authTime.isBefore(now.minus(maxAge)) && !authTime.isAfter(now.plusSeconds(60));
    }
}
