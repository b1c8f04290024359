package dev.elevate.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the web layer serves pages. */
@ConfigMapping(prefix = "elevate.web")
public interface WebConfig {

    /**
     * Mark Elevate's own cookies {@code Secure}. On in production, where Elevate is reached
     * over TLS (directly or through a proxy); off for the dev setup on plain HTTP.
     */
    @WithDefault("true")
    boolean secureCookies();
}
