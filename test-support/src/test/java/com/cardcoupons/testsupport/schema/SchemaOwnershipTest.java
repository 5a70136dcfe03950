package com.cardcoupons.testsupport.schema;

import com.cardcoupons.testsupport.PostgresTestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who writes what, read from the catalogs of the migrated schema: every table belongs to the schema's owner role, and
 * exactly one service role may insert, update or delete its rows. The test logs every table with its owning service,
 * and holds the ownership table of docs/architecture.md to the grants: the owner it names is the only writer, and the
 * services it names as readers may only read. A view a service publishes for others reads only tables that service
 * owns, belongs to the schema's owner, and may only be read, by the services the table names.
 */
class SchemaOwnershipTest {

    private static final Logger log = LoggerFactory.getLogger(SchemaOwnershipTest.class);
    private static final Map<String, String> ROLE_OF = Map.of(
            "registration-api", "coupons_registration",
            "coupon-server", "coupons_till",
            "settlement-relay", "coupons_relay",
            "reception-terminal-gateway", "coupons_gateway");
    private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "TRUNCATE");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z_]+)` \\| ([a-z-]+) \\| ([^|]*)\\|", Pattern.MULTILINE);

    /** A service's group of tables in the mermaid diagram: {@code subgraph X["service"]}, table names, {@code end}. */
    private static final Pattern DIAGRAM_GROUP = Pattern.compile("subgraph \\w+\\[\"([a-z-]+)\"]\\n([\\s\\w]*?)\\n\\s*end");
    /** A foreign key in the diagram: {@code table --> referenced} or {@code table -- "columns" --> referenced}. */
    private static final Pattern DIAGRAM_ARROW = Pattern.compile("(?m)^\\s*([a-z_]+) (?:-- \"[^\"]*\" )?--> ([a-z_]+)\\s*$");

    private static Catalog catalog;

    @BeforeAll
    static void migratedSchema() {
        catalog = new Catalog(PostgresTestDatabases.create("schemaownership").owner());
    }

    @Test
    void everyTableHasExactlyOneWriterAndBelongsToTheSchemasOwner() {
        Map<String, String> owners = catalog.tableOwners();
        Map<String, Map<String, Set<String>>> grants = catalog.grants();
        Map<String, Set<String>> writers = new LinkedHashMap<>();
        owners.keySet().forEach(table -> writers.put(table, grants.getOrDefault(table, Map.of()).entrySet().stream()
                .filter(grant -> grant.getValue().stream().anyMatch(WRITES::contains))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new))));
        log.info("Tables and the one service role that writes each:\n{}", writers.entrySet().stream()
                .map(table -> String.format("  %-36s %s", table.getKey(), table.getValue())).collect(Collectors.joining("\n")));

        assertThat(owners).as("owner role of every table").allSatisfy((table, owner) -> assertThat(owner).isEqualTo("coupons_owner"));
        assertThat(writers.entrySet().stream().filter(table -> table.getValue().isEmpty()).map(Map.Entry::getKey))
                .as("tables no service writes").isEmpty();
        assertThat(writers.entrySet().stream().filter(table -> table.getValue().size() > 1).map(Map.Entry::toString))
                .as("tables more than one service writes").isEmpty();
        assertThat(grants.values().stream().flatMap(roles -> roles.values().stream()).flatMap(Set::stream))
                .as("privileges granted to service roles").isSubsetOf("SELECT", "INSERT", "UPDATE", "DELETE");
    }

    @Test
    void theOwnershipTableOfTheArchitectureDocMatchesTheGrants() throws IOException {
        Map<String, DocRow> documented = documentedOwnership();
        Map<String, Map<String, Set<String>>> grants = catalog.grants();
        Map<String, Catalog.View> views = catalog.views();

        Set<String> relations = new TreeSet<>(catalog.tableOwners().keySet());
        relations.addAll(views.keySet());
        assertThat(documented.keySet()).as("tables and views in docs/architecture.md").isEqualTo(relations);
        List<String> wrong = new ArrayList<>();
        documented.forEach((table, row) -> {
            Map<String, Set<String>> granted = grants.getOrDefault(table, Map.of());
            if (views.containsKey(table)) {
                wrong.addAll(publishedViewProblems(table, row, views.get(table), granted, documented));
                return;
            }
            String writer = ROLE_OF.get(row.owner());
            if (writer == null || granted.getOrDefault(writer, Set.of()).stream().noneMatch(WRITES::contains)) {
                wrong.add(table + ": " + row.owner() + " is documented as its owner but may not write it");
            }
            granted.forEach((role, privileges) -> {
                boolean reader = row.readers().stream().map(ROLE_OF::get).anyMatch(role::equals);
                if (!role.equals(writer) && !(reader && privileges.equals(Set.of("SELECT")))) {
                    wrong.add(table + ": " + role + " has " + privileges + ", documented " + (reader ? "as a reader" : "as nothing"));
                }
            });
            row.readers().forEach(reader -> {
                if (!granted.getOrDefault(ROLE_OF.get(reader), Set.of()).contains("SELECT")) {
                    wrong.add(table + ": " + reader + " is documented as reading it but may not");
                }
            });
        });
        assertThat(wrong).isEmpty();
    }

    /** A view is its publisher's: it reads only the publisher's tables, and the services named may only read it. */
    private static List<String> publishedViewProblems(String view, DocRow row, Catalog.View definition,
            Map<String, Set<String>> granted, Map<String, DocRow> documented) {
        List<String> wrong = new ArrayList<>();
        if (!definition.owner().equals("coupons_owner")) {
            wrong.add(view + ": owned by " + definition.owner() + ", not the schema's owner");
        }
        definition.reads().stream().filter(table -> documented.get(table) == null || !documented.get(table).owner().equals(row.owner()))
                .forEach(table -> wrong.add(view + ": published by " + row.owner() + " but reads " + table + ", which it does not own"));
        granted.forEach((role, privileges) -> {
            boolean reader = row.readers().stream().map(ROLE_OF::get).anyMatch(role::equals);
            if (!(reader && privileges.equals(Set.of("SELECT")))) {
                wrong.add(view + ": " + role + " has " + privileges + ", documented " + (reader ? "as a reader" : "as nothing"));
            }
        });
        row.readers().forEach(reader -> {
            if (!granted.getOrDefault(ROLE_OF.get(reader), Set.of()).contains("SELECT")) {
                wrong.add(view + ": " + reader + " is documented as reading it but may not");
            }
        });
        return wrong;
    }

    @Test
    void theDiagramOfTheArchitectureDocShowsEveryTableUnderItsOwnerAndEveryForeignKey() throws IOException {
        Map<String, DocRow> documented = documentedOwnership();
        documented.keySet().removeAll(catalog.views().keySet());
        String diagram = section("## One schema, one migration history");
        diagram = diagram.substring(diagram.indexOf("```mermaid"), diagram.indexOf("```", diagram.indexOf("```mermaid") + 3));

        Map<String, String> drawnUnder = new TreeMap<>();
        Matcher group = DIAGRAM_GROUP.matcher(diagram);
        while (group.find()) {
            for (String table : group.group(2).strip().split("\\s+")) {
                drawnUnder.put(table, group.group(1));
            }
        }
        Map<String, String> owners = new TreeMap<>();
        documented.forEach((table, row) -> owners.put(table, row.owner()));
        assertThat(drawnUnder).as("each table drawn under its owning service").isEqualTo(owners);

        Set<String> arrows = new TreeSet<>();
        Matcher arrow = DIAGRAM_ARROW.matcher(diagram);
        while (arrow.find()) {
            arrows.add(arrow.group(1) + " -> " + arrow.group(2));
        }
        assertThat(arrows).as("foreign keys drawn").isEqualTo(catalog.foreignKeys().stream()
                .map(key -> key.table() + " -> " + key.references()).collect(Collectors.toCollection(TreeSet::new)));
    }

    private static Map<String, DocRow> documentedOwnership() throws IOException {
        String section = section("## Who writes what");
        Map<String, DocRow> rows = new LinkedHashMap<>();
        Matcher row = DOC_ROW.matcher(section);
        while (row.find()) {
            Set<String> readers = new TreeSet<>();
            Matcher reader = Pattern.compile("[a-z-]+").matcher(row.group(3));
            while (reader.find()) {
                readers.add(reader.group());
            }
            rows.put(row.group(1), new DocRow(row.group(2), readers));
        }
        return rows;
    }

    /** The section of docs/architecture.md under this heading, up to the next heading of its level. */
    private static String section(String heading) throws IOException {
        String doc = Files.readString(repository().resolve("docs/architecture.md"));
        String section = doc.substring(doc.indexOf(heading));
        int next = section.indexOf("\n## ", 3);
        return next < 0 ? section : section.substring(0, next);
    }

    private static Path repository() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("docs/architecture.md"))) {
            dir = dir.getParent();
        }
        return dir;
    }

    private record DocRow(String owner, Set<String> readers) {
    }
}
