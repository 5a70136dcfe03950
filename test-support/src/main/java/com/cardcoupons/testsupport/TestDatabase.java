package com.cardcoupons.testsupport;

import com.cardcoupons.model.schema.DatabaseRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A freshly migrated PostgreSQL database of one's own: how to connect to it, as the schema's owner or as a service's
 * role (each with its development password). A service under test connects as its own role, from its own
 * configuration; a test sets up what other services would have written as the owner ({@link #owner()}).
 */
public final class TestDatabase {

    private static final Map<String, JdbcClient> OWNER_CLIENTS = new ConcurrentHashMap<>();

    private final String jdbcUrl;

    TestDatabase(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The schema's owner, which may write every table: for fixtures and stand-in services, never for a real service. */
    public String username() {
        return username(DatabaseRole.OWNER);
    }

    public String password() {
        return password(DatabaseRole.OWNER);
    }

    public String username(DatabaseRole role) {
        return role.roleName();
    }

    public String password(DatabaseRole role) {
        return role.developmentPassword();
    }

    /**
     * SQL as the schema's owner, on one connection kept for the test JVM, in auto-commit: for the rows a test needs
     * that another service would have written, and for checks across every table.
     */
    public JdbcClient owner() {
        return OWNER_CLIENTS.computeIfAbsent(jdbcUrl, url -> {
            SingleConnectionDataSource owner = new SingleConnectionDataSource(url, username(), password(), true);
            owner.setAutoCommit(true);
            return JdbcClient.create(owner);
        });
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]";
    }
}
