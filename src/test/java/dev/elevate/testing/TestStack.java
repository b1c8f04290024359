package dev.elevate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts what the tests need, once per test run: a PostgreSQL of their own (so they never join
 * a running app's Quartz cluster), a Keycloak with the dev realm, and a Slack sink.
 */
public class TestStack implements QuarkusTestResourceLifecycleManager {

    public static final int KEYCLOAK_PORT = Integer.getInteger("elevate.test.keycloak-port", 8190);

    private static LocalPostgres postgres;
    private static LocalKeycloak keycloak;
    private static SlackSink slack;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (postgres == null) {
                postgres = LocalPostgres.ephemeral();
                postgres.ensureDatabase("elevate_test", "elevate");
                Path target = Path.of(System.getProperty("elevate.test.target", "target"));
                Path data = target.resolve("keycloak-test-data");
                deleteTree(data);
                keycloak = LocalKeycloak.start(keycloakHome(target), realmFile(), data,
                        KEYCLOAK_PORT, target.resolve("keycloak-test.log"), false);
                slack = SlackSink.start();
                Runtime.getRuntime().addShutdownHook(new Thread(TestStack::stopAll));
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test stack", e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl("elevate_test"),
                "quarkus.datasource.username", "elevate",
                "elevate.oidc.server-url", keycloak.url(),
                "elevate.notification.slack.webhook-url", slack.url(),
                "elevate.notification.retry-backoff", "PT1S",
                "elevate.grant.retry-initial-backoff", "PT1S",
                "elevate.grant.retry-max-backoff", "PT2S");
    }

    @Override
    public void stop() {
        // The stack outlives one Quarkus start: other test profiles reuse it; the JVM's exit
        // stops it.
    }

    public static SlackSink slack() {
        return slack;
    }

    public static LocalKeycloak keycloak() {
        return keycloak;
    }

    static Path keycloakHome(Path target) throws java.io.IOException {
        Path dist = target.resolve("keycloak-dist");
        try (Stream<Path> entries = Files.list(dist)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keycloak-"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Keycloak under " + dist));
        }
    }

    static Path realmFile() {
        return Path.of(System.getProperty("elevate.realm-file",
                "keycloak-realm/elevate-realm.json"));
    }

    private static void stopAll() {
        try {
            if (slack != null) {
                slack.close();
            }
            if (keycloak != null) {
                keycloak.close();
            }
            if (postgres != null) {
                postgres.close();
            }
        } catch (Exception e) {
            System.err.println("test stack did not stop cleanly: " + e);
        }
    }

    static void deleteTree(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
