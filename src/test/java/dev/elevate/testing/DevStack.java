package dev.elevate.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * What {@code bin/dev} runs beside the app: a PostgreSQL that keeps its data in
 * {@code .elevate/postgres}, and Keycloak with the dev realm on 127.0.0.1:8180. Stops both on
 * exit.
 */
public final class DevStack {

    public static final int POSTGRES_PORT = Integer.getInteger("elevate.dev.postgres-port", 5432);
    public static final int KEYCLOAK_PORT = Integer.getInteger("elevate.dev.keycloak-port", 8180);

    private DevStack() {
    }

    public static void main(String[] args) throws Exception {
        Path state = Path.of(".elevate");
        Files.createDirectories(state);
        Path ready = state.resolve("stack.ready");
        Files.deleteIfExists(ready);

        LocalPostgres postgres = LocalPostgres.persistent(state.resolve("postgres"), POSTGRES_PORT);
        postgres.ensureDatabase("elevate", "elevate");
        System.out.println("[dev] PostgreSQL on 127.0.0.1:" + postgres.port() + ", database elevate");

        System.out.println("[dev] starting Keycloak on 127.0.0.1:" + KEYCLOAK_PORT
                + " (log: .elevate/keycloak.log; about 20 s)");
        LocalKeycloak keycloak = LocalKeycloak.start(TestStack.keycloakHome(Path.of("target")),
                TestStack.realmFile(), state.resolve("keycloak"), KEYCLOAK_PORT,
                state.resolve("keycloak.log"), true);
        System.out.println("[dev] Keycloak ready at " + keycloak.url()
                + (keycloak.isReused() ? " (already running, reused)" : ""));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            keycloak.close();
            try {
                postgres.close();
            } catch (Exception e) {
                System.err.println("[dev] PostgreSQL did not stop cleanly: " + e);
            }
            stopped.countDown();
        }));
        Files.writeString(ready, "ready\n");
        stopped.await();
    }
}
