package dev.elevate.grant;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How grants are applied and retried. */
@ConfigMapping(prefix = "elevate.grant")
public interface GrantConfig {

    /** Wait before the first retry of a failed connector call; doubles on each further one. */
    @WithDefault("PT5S")
    Duration retryInitialBackoff();

    /** The longest wait between two retries. */
    @WithDefault("PT5M")
    Duration retryMaxBackoff();

    /**
     * Failed activations after which Elevate stops trying and leaves the request APPROVED
     * for an admin. Revocations have no such limit: they retry until confirmed.
     */
    @WithDefault("10")
    int activationAttempts();

    /** The Keycloak realm whose realm roles the Keycloak connector grants. */
    @WithDefault("elevate")
    String keycloakRealm();
}
