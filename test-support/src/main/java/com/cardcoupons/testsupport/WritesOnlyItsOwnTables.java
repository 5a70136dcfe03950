package com.cardcoupons.testsupport;

import com.cardcoupons.model.schema.DatabaseRole;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a service may do with the shared schema, proven on real PostgreSQL through the service's own data source: it
 * connects as its own role, and every insert, update and delete on a table it does not own is refused with
 * {@code permission denied} (SQLSTATE 42501), while a table it owns takes its writes. Each statement touches no row,
 * so it would succeed but for the privilege, and runs in a transaction that is rolled back. A service's startup test
 * implements this with the tables the service owns (docs/architecture.md, "Who writes what").
 */
public interface WritesOnlyItsOwnTables {

    String PERMISSION_DENIED = "42501";

    /** The data source the service itself uses. */
    DataSource serviceDataSource();

    DatabaseRole databaseRole();

    /** The tables the service owns: the only ones it may write. */
    Set<String> ownTables();

    @Test
    default void connectsAsItsOwnRole() throws SQLException {
        try (Connection connection = serviceDataSource().getConnection(); Statement statement = connection.createStatement()) {
            var row = statement.executeQuery("select current_user");
            row.next();
            assertThat(row.getString(1)).isEqualTo(databaseRole().roleName());
        }
    }

    @Test
    default void cannotWriteATableItDoesNotOwn() throws SQLException {
        Map<String, String> firstColumns = firstColumns();
        assertThat(firstColumns.keySet()).as("every table the service owns is in the schema").containsAll(ownTables());
        List<String> allowed = new ArrayList<>();
        List<String> refusedOwn = new ArrayList<>();
        for (Map.Entry<String, String> table : firstColumns.entrySet()) {
            String name = table.getKey();
            String column = table.getValue();
            for (String write : List.of(
                    "insert into " + name + " (" + column + ") select " + column + " from " + name + " where false",
                    "update " + name + " set " + column + " = " + column + " where false",
                    "delete from " + name + " where false")) {
                boolean denied = isDenied(write);
                if (!ownTables().contains(name) && !denied) {
                    allowed.add(write);
                }
                if (ownTables().contains(name) && denied && write.startsWith("insert")) {
                    refusedOwn.add(write);
                }
            }
        }
        assertThat(allowed).as("writes on tables the service does not own that PostgreSQL let through").isEmpty();
        assertThat(refusedOwn).as("inserts into the service's own tables that PostgreSQL refused").isEmpty();
    }

    /** Every table of the schema but Flyway's history, with the column to name in its statements. */
    private Map<String, String> firstColumns() throws SQLException {
        Map<String, String> tables = new TreeMap<>();
        try (Connection connection = serviceDataSource().getConnection(); Statement statement = connection.createStatement()) {
            var rows = statement.executeQuery("""
                    select c.relname, a.attname from pg_class c
                      join pg_namespace n on n.oid = c.relnamespace
                      join pg_attribute a on a.attrelid = c.oid and a.attnum = 1
                     where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'""");
            while (rows.next()) {
                tables.put(rows.getString(1), rows.getString(2));
            }
        }
        return tables;
    }

    private boolean isDenied(String write) throws SQLException {
        try (Connection connection = serviceDataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(write);
                return false;
            } catch (SQLException refused) {
                if (!PERMISSION_DENIED.equals(refused.getSQLState())) {
                    throw refused;
                }
                return true;
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }
}
