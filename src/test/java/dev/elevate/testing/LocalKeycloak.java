package dev.elevate.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak from the {@code keycloak-quarkus-dist} that Maven unpacks into
 * {@code target/}, started in dev mode on 127.0.0.1 with the realm from {@code keycloak-realm/}.
 */
public final class LocalKeycloak implements AutoCloseable {

    public static final String REALM = "elevate";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final int port;
    private final Process process;
    private final boolean reused;

    private LocalKeycloak(int port, Process process, boolean reused) {
        this.port = port;
        this.process = process;
        this.reused = reused;
    }

    /**
     * Starts Keycloak; with {@code reuse}, one already serving the realm on that port is used
     * instead. The admin user of the master realm is admin / admin, dev only.
     */
    public static LocalKeycloak start(Path home, Path realmFile, Path dataDir, int port,
            Path log, boolean reuse) throws IOException, InterruptedException {
        if (isReady(port)) {
            if (reuse) {
                return new LocalKeycloak(port, null, true);
            }
            throw new IllegalStateException("Port " + port + " already serves a Keycloak realm "
                    + REALM + "; stop it so the tests start one with the current realm file");
        }
        Path kcScript = home.resolve("bin/kc.sh");
        if (!Files.exists(kcScript)) {
            throw new IllegalStateException("No Keycloak at " + home
                    + ": run the build through Maven (./mvnw) so it unpacks keycloak-quarkus-dist");
        }
        Path imports = home.resolve("data/import");
        Files.createDirectories(imports);
        Files.copy(realmFile, imports.resolve("elevate-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", kcScript.toString(),
                "start-dev", "--http-host=127.0.0.1", "--http-port=" + port, "--import-realm",
                "--cache=local",
                "--db-url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("keycloakdb")
                        + ";NON_KEYWORDS=VALUE"));
        Map<String, String> env = builder.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin"); // dev only
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin"); // dev only
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        LocalKeycloak keycloak = new LocalKeycloak(port, process, false);
        keycloak.awaitReady(log);
        return keycloak;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public boolean isReused() {
        return reused;
    }

    private void awaitReady(Path log) throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue()
                        + "; see " + log);
            }
            if (isReady(port)) {
                return;
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("Keycloak did not start within " + START_TIMEOUT
                + "; see " + log);
    }

    static boolean isReady(int port) {
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/realms/" + REALM + "/.well-known/openid-configuration"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
