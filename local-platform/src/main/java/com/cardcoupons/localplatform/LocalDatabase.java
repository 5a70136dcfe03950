package com.cardcoupons.localplatform;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.model.schema.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The platform's database for a local run: the one in {@code COUPONS_DB_URL} if set, otherwise an embedded
 * PostgreSQL 17 that lives as long as the launcher. Either way the platform's roles are set up (with the passwords
 * of {@code COUPONS_DB_<ROLE>_PASSWORD}, or the development ones) and the shared schema is migrated by its owner
 * before any service starts, so demo data can be loaded first; each service then connects as its own role.
 */
final class LocalDatabase implements AutoCloseable {

    private final String url;
    private final EmbeddedPostgres embedded;

    private LocalDatabase(String url, EmbeddedPostgres embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    /**
     * With {@code COUPONS_DB_URL}, {@code COUPONS_DB_USER} and {@code COUPONS_DB_PASSWORD} name a role that may create
     * roles (a superuser, say): the launcher sets the platform's roles up with it, and uses it for nothing else.
     */
    static LocalDatabase open(int embeddedPort) {
        String url = System.getenv("COUPONS_DB_URL");
        try {
            if (url != null && !url.isBlank()) {
                try (Connection admin = DriverManager.getConnection(url, envOr("COUPONS_DB_USER", "postgres"),
                        envOr("COUPONS_DB_PASSWORD", "postgres"))) {
                    DatabaseRoles.setUp(admin, LocalDatabase::password);
                }
                return new LocalDatabase(url, null);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(embeddedPort).start();
            try (Connection admin = postgres.getPostgresDatabase().getConnection()) {
                admin.createStatement().execute("create database coupons");
            }
            try (Connection admin = postgres.getDatabase("postgres", "coupons").getConnection()) {
                DatabaseRoles.setUp(admin, LocalDatabase::password);
            }
            return new LocalDatabase("jdbc:postgresql://localhost:" + embeddedPort + "/coupons", postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL on port " + embeddedPort, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the platform's database roles", e);
        }
    }

    /** Run by the schema's owner, as every migration is. */
    void migrate() {
        Flyway.configure().dataSource(url, DatabaseRole.OWNER.roleName(), password(DatabaseRole.OWNER))
                .locations("classpath:db/migration").load().migrate();
    }

    /** As the schema's owner: the demo data fills every service's tables. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, DatabaseRole.OWNER.roleName(), password(DatabaseRole.OWNER));
    }

    String url() {
        return url;
    }

    /** {@code COUPONS_DB_TILL_PASSWORD} and the like, or the development password. */
    static String password(DatabaseRole role) {
        return envOr("COUPONS_DB_" + role.name() + "_PASSWORD", role.developmentPassword());
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
