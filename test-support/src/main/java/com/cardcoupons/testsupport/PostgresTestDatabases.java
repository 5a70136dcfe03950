package com.cardcoupons.testsupport;

import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.model.schema.DatabaseRoles;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands out freshly migrated PostgreSQL databases. The platform's roles are set up on the server once per JVM, with
 * their development passwords, and the shared schema is migrated by its owner into a template database; every
 * {@link #create(String)} clones it ({@code CREATE DATABASE ... TEMPLATE}), which takes milliseconds and gives each
 * test class a clean schema of its own, with the grants of every service role.
 */
public final class PostgresTestDatabases {

    private static final Object LOCK = new Object();
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();
    private static PostgresServer server;
    private static String template;

    private PostgresTestDatabases() {
    }

    /** A new database with the whole Flyway history applied; {@code hint} only makes its name readable. */
    public static TestDatabase create(String hint) {
        PostgresServer pg = serverWithTemplate();
        String name = "t_" + slug(hint) + "_" + shortId();
        execute(pg, "create database " + name + " template " + template);
        CREATED.add(name);
        return new TestDatabase(pg.urlOf(name));
    }

    private static PostgresServer serverWithTemplate() {
        synchronized (LOCK) {
            if (server == null) {
                PostgresServer started = PostgresServers.start();
                String name = "coupons_template_" + shortId();
                execute(started, "create database " + name);
                try (Connection admin = DriverManager.getConnection(started.urlOf(name), started.username(), started.password())) {
                    DatabaseRoles.setUp(admin);
                } catch (SQLException e) {
                    throw new IllegalStateException("could not set up the platform's roles on " + started.description(), e);
                }
                Flyway.configure()
                        .dataSource(started.urlOf(name), DatabaseRole.OWNER.roleName(), DatabaseRole.OWNER.developmentPassword())
                        .locations("classpath:db/migration")
                        .load()
                        .migrate();
                server = started;
                template = name;
                Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabases::dropAll, "test-databases-drop"));
            }
            return server;
        }
    }

    /** On a server that outlives the tests (COUPONS_TEST_DB_URL), leave nothing behind. */
    private static void dropAll() {
        for (String name : CREATED) {
            executeQuietly("drop database if exists " + name + " with (force)");
        }
        executeQuietly("drop database if exists " + template + " with (force)");
    }

    private static void execute(PostgresServer pg, String sql) {
        try (Connection connection = DriverManager.getConnection(pg.adminUrl(), pg.username(), pg.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on " + pg.description(), e);
        }
    }

    private static void executeQuietly(String sql) {
        try {
            execute(server, sql);
        } catch (RuntimeException ignored) {
            // the server may already be gone at JVM exit, and with it every database on it
        }
    }

    private static String slug(String hint) {
        String slug = hint == null ? "db" : hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return slug.isEmpty() ? "db" : slug.substring(0, Math.min(slug.length(), 30));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
