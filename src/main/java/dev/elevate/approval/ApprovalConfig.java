package dev.elevate.approval;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the approval feature. */
@ConfigMapping(prefix = "elevate.approval")
public interface ApprovalConfig {

    /**
     * The {@code acr} value Keycloak puts in a token after a sign-in with a second factor; the
     * dev realm maps it to level of authentication 2.
     */
    @WithDefault("gold")
    String stepUpAcr();
}
