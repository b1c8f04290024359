package dev.elevate.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where messages go and how links in them are built. */
@ConfigMapping(prefix = "elevate.notification")
public interface NotificationConfig {

    /** The address people reach Elevate at; review links in messages start with it. */
    @WithDefault("http://127.0.0.1:8080")
    URI baseUrl();

    /** Deliveries tried per message before it is marked FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before retrying a failed delivery; doubles on each further failure. */
    @WithDefault("PT10S")
    Duration retryBackoff();

    Slack slack();

    /** Slack through an incoming webhook. */
    interface Slack {

        /** The incoming-webhook URL, a secret. Unset: messages stay in the outbox and log. */
        Optional<URI> webhookUrl();

        @WithDefault("PT5S")
        Duration connectTimeout();

        @WithDefault("PT10S")
        Duration requestTimeout();
    }
}
