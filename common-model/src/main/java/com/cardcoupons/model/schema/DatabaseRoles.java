package com.cardcoupons.model.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Sets up the platform's roles on a PostgreSQL server and the schema's privileges in its database, by running
 * {@code db/roles/platform-roles.sql}, the same script the docker-compose database runs at its first start. For the
 * launchers that prepare a database themselves: the one-command run, the tests and the benchmarks.
 */
public final class DatabaseRoles {

    static final String SCRIPT = "db/roles/platform-roles.sql";

    private DatabaseRoles() {
    }

    /** With the development passwords. */
    public static void setUp(Connection admin) throws SQLException {
        setUp(admin, DatabaseRole::developmentPassword);
    }

    /**
     * Creates the roles, or sets their passwords, and lets only the owner create objects in the schema.
     * {@code admin} may create roles and is connected to the platform's database.
     */
    public static void setUp(Connection admin, Function<DatabaseRole, String> passwords) throws SQLException {
        try (PreparedStatement setting = admin.prepareStatement("select set_config(?, ?, false)")) {
            for (DatabaseRole role : DatabaseRole.values()) {
                setting.setString(1, role.passwordSetting());
                setting.setString(2, passwords.apply(role));
                setting.execute();
            }
        }
        try (Statement script = admin.createStatement()) {
            script.execute(script());
        }
    }

    private static String script() {
        try (InputStream in = DatabaseRoles.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
