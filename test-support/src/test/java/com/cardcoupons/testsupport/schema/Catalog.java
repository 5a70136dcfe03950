package com.cardcoupons.testsupport.schema;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What PostgreSQL's catalogs say of the migrated schema: its tables, their owners, grants, keys and foreign keys. */
final class Catalog {

    static final Set<String> SERVICE_ROLES = Set.of("coupons_registration", "coupons_till", "coupons_relay", "coupons_gateway");

    private final JdbcClient jdbc;

    Catalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every table of the schema but Flyway's history, with the role that owns it in PostgreSQL's sense. */
    Map<String, String> tableOwners() {
        Map<String, String> owners = new TreeMap<>();
        jdbc.sql("""
                        select c.relname, pg_get_userbyid(c.relowner) from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'flyway_schema_history'""")
                .query(rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                });
        return owners;
    }

    /** Every view of the schema: the role that owns it and the tables it reads. */
    Map<String, View> views() {
        Map<String, View> views = new TreeMap<>();
        jdbc.sql("""
                        select v.relname, pg_get_userbyid(v.relowner),
                               array(select distinct t.relname from pg_rewrite r
                                       join pg_depend d on d.classid = 'pg_rewrite'::regclass and d.objid = r.oid
                                                       and d.refclassid = 'pg_class'::regclass
                                       join pg_class t on t.oid = d.refobjid
                                      where r.ev_class = v.oid and t.oid <> v.oid and t.relkind in ('r', 'p')
                                      order by t.relname)
                          from pg_class v join pg_namespace n on n.oid = v.relnamespace
                         where n.nspname = 'public' and v.relkind = 'v'""")
                .query(rs -> {
                    views.put(rs.getString(1), new View(rs.getString(2), new TreeSet<>(List.of((String[]) rs.getArray(3).getArray()))));
                });
        return views;
    }

    /**
     * Each table's and view's privileges granted to the service roles, on the relation or on any of its columns: role
     * to privileges.
     */
    Map<String, Map<String, Set<String>>> grants() {
        Map<String, Map<String, Set<String>>> grants = new TreeMap<>();
        jdbc.sql("""
                        select c.relname, a.grantee::regrole::text, a.privilege_type
                          from pg_class c join pg_namespace n on n.oid = c.relnamespace,
                               aclexplode(c.relacl) a
                         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v')
                        union
                        select c.relname, a.grantee::regrole::text, a.privilege_type
                          from pg_class c join pg_namespace n on n.oid = c.relnamespace
                          join pg_attribute col on col.attrelid = c.oid and col.attnum > 0 and not col.attisdropped,
                               aclexplode(col.attacl) a
                         where n.nspname = 'public' and c.relkind in ('r', 'p', 'v')""")
                .query(rs -> {
                    if (SERVICE_ROLES.contains(rs.getString(2))) {
                        grants.computeIfAbsent(rs.getString(1), table -> new TreeMap<>())
                                .computeIfAbsent(rs.getString(2), role -> new TreeSet<>()).add(rs.getString(3));
                    }
                });
        return grants;
    }

    /** The columns of each table's primary key and of each of its unique constraints and unique indexes. */
    Map<String, List<Set<String>>> uniqueKeys() {
        Map<String, List<Set<String>>> keys = new TreeMap<>();
        jdbc.sql("""
                        select t.relname, i.indexrelid::regclass::text,
                               array(select a.attname from unnest(i.indkey) k join pg_attribute a
                                       on a.attrelid = t.oid and a.attnum = k) as columns
                          from pg_index i join pg_class t on t.oid = i.indrelid
                          join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname = 'public' and i.indisunique and t.relname <> 'flyway_schema_history'""")
                .query(rs -> {
                    keys.computeIfAbsent(rs.getString(1), table -> new java.util.ArrayList<>())
                            .add(new TreeSet<>(List.of((String[]) rs.getArray(3).getArray())));
                });
        return keys;
    }

    /** Every foreign key: its table, the table it references, and which column refers to which. */
    List<ForeignKey> foreignKeys() {
        return jdbc.sql("""
                        select k.conname, t.relname, r.relname,
                               array(select a.attname from unnest(k.conkey) with ordinality c(n, i)
                                       join pg_attribute a on a.attrelid = k.conrelid and a.attnum = c.n order by c.i),
                               array(select a.attname from unnest(k.confkey) with ordinality c(n, i)
                                       join pg_attribute a on a.attrelid = k.confrelid and a.attnum = c.n order by c.i)
                          from pg_constraint k join pg_class t on t.oid = k.conrelid join pg_class r on r.oid = k.confrelid
                          join pg_namespace n on n.oid = t.relnamespace
                         where n.nspname = 'public' and k.contype = 'f'""")
                .query((rs, row) -> new ForeignKey(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), List.of((String[]) rs.getArray(5).getArray())))
                .list();
    }

    /** The type each table's column of this name has, by table; tables without it are left out. */
    Map<String, String> columnTypes(String column) {
        Map<String, String> types = new TreeMap<>();
        jdbc.sql("""
                        select c.relname, format_type(a.atttypid, a.atttypmod) from pg_attribute a
                          join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attname = ? and not a.attisdropped""")
                .param(column)
                .query(rs -> {
                    types.put(rs.getString(1), rs.getString(2));
                });
        return types;
    }

    /** A view: its owner role and the tables it reads. */
    record View(String owner, Set<String> reads) {
    }

    record ForeignKey(String name, String table, String references, List<String> columns, List<String> referencedColumns) {

        /** Whether the key maps {@code column} of its table onto {@code referenced} of the other. */
        boolean maps(String column, String referenced) {
            int at = columns.indexOf(column);
            return at >= 0 && referencedColumns.get(at).equals(referenced);
        }
    }
}
