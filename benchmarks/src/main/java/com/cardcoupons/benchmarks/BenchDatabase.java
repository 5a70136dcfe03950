package com.cardcoupons.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.URI;

/**
 * The database under test: the one given ({@code --db-url}, dedicated and empty), or an embedded PostgreSQL 17
 * with its default, durable settings (fsync and synchronous commit on), stopped at the end of the run. Migrated
 * with the platform's Flyway history either way.
 */
final class BenchDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private BenchDatabase(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    static BenchDatabase open(Options options) throws IOException {
        BenchDatabase database;
        if (options.dbUrl() != null) {
            database = new BenchDatabase(options.dbUrl(), options.dbUser(), options.dbPassword(), null);
        } else {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "512MB")
                    .start();
            database = new BenchDatabase(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", postgres);
        }
        Flyway.configure().dataSource(database.url, database.user, database.password)
                .locations("classpath:db/migration").load().migrate();
        return database;
    }

    String url() {
        return url;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** Host, port and database name, for pgbench. */
    URI address() {
        return URI.create(url.substring("jdbc:".length()));
    }

    String description() {
        return embedded == null ? "PostgreSQL at " + address().getHost() + ":" + address().getPort()
                : "embedded PostgreSQL 17 (durable defaults, shared_buffers 512MB)";
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
