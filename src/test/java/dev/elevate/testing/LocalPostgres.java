package dev.elevate.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from the zonky binaries, on 127.0.0.1. */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private LocalPostgres(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** A throw-away server on a free port; its data goes when it stops. */
    public static LocalPostgres ephemeral() throws IOException {
        return new LocalPostgres(EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start());
    }

    /** A server that keeps its data in {@code dataDir} between runs. */
    public static LocalPostgres persistent(Path dataDir, int port) throws IOException {
        return new LocalPostgres(EmbeddedPostgres.builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .start());
    }

    /** Creates the role and database if missing; the role has no password (local trust). */
    public void ensureDatabase(String database, String owner) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery(
                    "select 1 from pg_roles where rolname = '" + owner + "'")) {
                if (!r.next()) {
                    s.execute("create role " + owner + " login");
                }
            }
            try (ResultSet r = s.executeQuery(
                    "select 1 from pg_database where datname = '" + database + "'")) {
                if (!r.next()) {
                    s.execute("create database " + database + " owner " + owner);
                }
            }
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
