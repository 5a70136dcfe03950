package com.cardcoupons.localplatform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The platform's database for a local run: the one in {@code COUPONS_DB_URL} if set, otherwise an embedded
 * PostgreSQL 17 that lives as long as the launcher. Either way the shared schema is migrated before any service
 * starts, so demo data can be loaded first.
 */
final class LocalDatabase implements AutoCloseable {

    private final String url;
    private final String username;
    private final String password;
    private final EmbeddedPostgres embedded;

    private LocalDatabase(String url, String username, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.embedded = embedded;
    }

    static LocalDatabase open(int embeddedPort) {
        String url = System.getenv("COUPONS_DB_URL");
        if (url != null && !url.isBlank()) {
            return new LocalDatabase(url, envOr("COUPONS_DB_USER", "coupons"), envOr("COUPONS_DB_PASSWORD", "coupons"), null);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(embeddedPort).start();
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                admin.createStatement().execute("create role coupons login password 'coupons'");
                admin.createStatement().execute("create database coupons owner coupons");
            }
            return new LocalDatabase("jdbc:postgresql://localhost:" + embeddedPort + "/coupons", "coupons", "coupons", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + embeddedPort, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the embedded PostgreSQL", e);
        }
    }

    void migrate() {
        Flyway.configure().dataSource(url, username, password).locations("classpath:db/migration").load().migrate();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    String url() {
        return url;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    String describe() {
        return embedded == null ? "PostgreSQL at " + url + " (COUPONS_DB_URL)" : "embedded PostgreSQL 17 at " + url;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
