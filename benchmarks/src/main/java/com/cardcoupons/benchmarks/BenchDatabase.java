package com.cardcoupons.benchmarks;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.model.schema.DatabaseRoles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database under test: the one given ({@code --db-url}, dedicated and empty), or an embedded PostgreSQL 17 with
 * durable commits (fsync and synchronous commit on), stopped at the end of the run. Either way the platform's roles
 * are set up with their development passwords, the schema's owner migrates it with the platform's Flyway history, and
 * each service connects as its own role ({@link #connectionArguments}); the harness itself seeds as the user it was
 * given, which must be allowed to create roles. The description gives the settings the server itself reports, so a
 * run says what it measured whichever database it had.
 */
final class BenchDatabase implements AutoCloseable {

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;
    private final String settings;

    private BenchDatabase(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        try (Connection admin = DriverManager.getConnection(url, user, password)) {
            DatabaseRoles.setUp(admin);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set up the platform's database roles as " + user, e);
        }
        Flyway.configure().dataSource(url, DatabaseRole.OWNER.roleName(), DatabaseRole.OWNER.developmentPassword())
                .locations("classpath:db/migration").load().migrate();
        this.settings = readSettings();
    }

    static BenchDatabase open(Options options) throws IOException {
        if (options.dbUrl() != null) {
            return new BenchDatabase(options.dbUrl(), options.dbUser(), options.dbPassword(), null);
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                // the embedded server's own default is off: commits would not wait for the WAL to reach the disk
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "512MB")
                .start();
        // no user in the URL: it would outrank the role each service connects as
        return new BenchDatabase("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres", "postgres", "postgres",
                postgres);
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

    /** The arguments that connect a service to this database as its own role. */
    List<String> connectionArguments(DatabaseRole role) {
        return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + role.roleName(),
                "--spring.datasource.password=" + role.developmentPassword());
    }

    /** Host, port and database name, for pgbench. */
    URI address() {
        return URI.create(url.substring("jdbc:".length()));
    }

    String description() {
        return (embedded == null ? "PostgreSQL at " + address().getHost() + ":" + address().getPort() : "embedded PostgreSQL")
                + " (" + settings + ")";
    }

    private String readSettings() {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     select 'PostgreSQL ' || current_setting('server_version') || '; fsync ' || current_setting('fsync')
                            || ', synchronous_commit ' || current_setting('synchronous_commit')
                            || ', shared_buffers ' || current_setting('shared_buffers')""")) {
            row.next();
            return row.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's settings", e);
        }
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
