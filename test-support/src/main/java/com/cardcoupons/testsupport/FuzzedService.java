package com.cardcoupons.testsupport;

import net.jqwik.api.Arbitrary;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service started on its own database for a jqwik fuzz test (jqwik runs outside Spring's test support), the
 * requests to send it ({@link ApiFuzz}, from the API document it publishes), and the check each must pass: refused
 * with a 4xx Problem Details answer with a stable code, documented for the operation ({@link PublishedContract} checks
 * that through {@link ApiCaller}), and with not one row of any table added, removed or changed.
 */
public final class FuzzedService implements AutoCloseable {

    /**
     * The credentials of a caller of a role, by method and path: identity headers a service verifies, or an API key
     * at the gateway. The role is the operation's first {@code x-roles}, or empty where the document names none (the
     * gateway's own API, whose access policy decides).
     */
    @FunctionalInterface
    public interface Callers {
        BiFunction<String, String, Map<String, String>> as(ApplicationContext context, String role);
    }

    private final ConfigurableApplicationContext context;
    private final TestDatabase database;
    private final Callers callers;
    private final String baseUrl;
    private final String tableContents;

    private FuzzedService(ConfigurableApplicationContext context, TestDatabase database, Callers callers) {
        this.context = context;
        this.database = database;
        this.callers = callers;
        this.baseUrl = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        this.tableContents = tableContentsStatement();
    }

    public static FuzzedService start(Class<?> application, Callers callers, String... properties) {
        TestDatabase database = PostgresTestDatabases.create(application.getSimpleName() + "Fuzz");
        // as command-line arguments: they win over the services' own configuration, as a test's properties do
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password()));
        List.of(properties).forEach(property -> arguments.add("--" + property));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
        return new FuzzedService(context, database, callers);
    }

    public ApplicationContext context() {
        return context;
    }

    /** The service's base URL, such as {@code http://localhost:port}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Malformed and boundary requests for every operation the service documents. */
    public Arbitrary<ApiFuzz.Request> requests() {
        return requests(path -> true);
    }

    /** Malformed and boundary requests for the operations the service documents whose path template is chosen. */
    public Arbitrary<ApiFuzz.Request> requests(Predicate<String> paths) {
        ApiCaller.Reply document = ApiCaller.anonymous(baseUrl).get("/v3/api-docs");
        assertThat(document.status()).as("the service publishes its API document").isEqualTo(200);
        return ApiFuzz.requests(document.body(), paths);
    }

    /** Sends the request as a caller of the operation's role, checks it was refused without a trace, and answers the refusal. */
    public ApiCaller.Reply assertRefusedWithoutWrites(ApiFuzz.Request request) {
        Map<String, String> before = contents();
        ApiCaller caller = new ApiCaller(baseUrl, callers.as(context, request.role()));
        ApiCaller.Reply reply = caller.send(request.method(), request.target(), request.body(), request.headers());
        assertThat(reply.status()).as("refused, not failed nor accepted: %s -> %s", request, reply).isBetween(400, 499);
        assertThat(reply.header("Content-Type")).as("%s -> %s", request, reply).startsWith("application/problem+json");
        assertThat(reply.code()).as("a stable code: %s -> %s", request, reply).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
        assertThat(contents()).as("no row written by %s -> %s", request, reply).isEqualTo(before);
        return reply;
    }

    /** Each table's row count and a digest of its rows: a row added, removed or updated changes it. */
    private Map<String, String> contents() {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet rows = connection.createStatement().executeQuery(tableContents)) {
            Map<String, String> contents = new LinkedHashMap<>();
            rows.next();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                contents.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
            }
            return contents;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the rows of " + database.jdbcUrl(), e);
        }
    }

    /** One statement that reads the count and digest of the rows of every table of the schema, Flyway's history included. */
    private String tableContentsStatement() {
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
             ResultSet tables = connection.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'"
                             + " order by table_name")) {
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString(1));
            }
            return "select " + names.stream()
                    .map(name -> "(select count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                            + " from \"" + name + "\" t) as \"" + name + "\"")
                    .collect(Collectors.joining(", "));
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the tables of " + database.jdbcUrl(), e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
