package com.cardcoupons.couponserver;

import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.couponserver.usage.SearchLog;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A search and a use each touch one card's rows plus reference tables, which is what lets the platform distribute
 * the card's tables by its token (docs/scale-out.md): every statement coupon-server runs for them, with those of the
 * search log and of the use's confirmation, reads and writes only tables distributed by the card token and reference
 * tables, and names no other card than the one at the till. The statements are caught on the service's own data
 * source; the tables each touches are read from its plan ({@code EXPLAIN (GENERIC_PLAN)}), and the cards it names
 * from its parameters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class OneCardPerCallTest {

    /** Distributed by the card token, co-located (ShardingRulesTest, docs/scale-out.md). */
    private static final Set<String> CARD_TABLES = Set.of("coupon", "coupon_use", "reservation", "redemption", "usage_event",
            "coupon_server_idempotency_record");
    /** A copy on every node. */
    private static final Set<String> REFERENCE_TABLES = Set.of("merchant", "store", "terminal", "campaign", "campaign_version");
    private static final Pattern RELATION = Pattern.compile("\"Relation Name\":\\s*\"([a-z_]+)\"");

    @TestConfiguration
    static class CatchingStatements {

        @Bean
        static StatementLog statementLog() {
            return new StatementLog();
        }
    }

    @Autowired
    ApplicationContext service;

    @Autowired
    StatementLog statements;

    @Autowired
    SearchLog searchLog;

    @Autowired
    UsageMediumTokenizer tokenizer;

    @Autowired
    TestDatabase isolatedTestDatabase;

    @Test
    void aSearchAndAUseTouchOneCardsRowsAndReferenceTablesOnly() {
        TillWorld world = TillWorld.of(service);
        java.util.UUID mart = world.merchant("Sakura Mart");
        Terminal till = world.terminal(mart, world.store(mart, "SHIBUYA", "5411"));
        String visa = TillWorld.newVisa();
        UsageMediumId medium = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(visa));
        String code = world.coupon(world.campaign(mart).fixed(100).create(), medium);
        world.coupon(world.campaign(mart).create(), medium);
        // another card's coupons of the same campaigns, which the search and use must not touch
        world.coupon(world.campaign(mart).create(), UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(TillWorld.newVisa())));
        till.api().post("/api/v1/searches", searchOf(card("CREDIT", visa), till.use(2000), true));
        searchLog.flush();
        statements.clear();

        assertThat(till.api().post("/api/v1/searches", searchOf(card("CREDIT", visa), till.use(2000), true)).status()).isEqualTo(200);
        String reservation = till.api().post("/api/v1/reservations", useOf("TX-1", List.of(code), card("CREDIT", visa),
                till.use(2000)), "one-card-1").json().path("reservationId").asString();
        assertThat(till.api().post("/api/v1/reservations/" + reservation + "/confirm", null, "one-card-2").status()).isEqualTo(200);
        searchLog.flush();

        List<Caught> caught = statements.caught();
        assertThat(caught).as("the statements of a search, its log, a use and its confirmation").hasSizeGreaterThan(3);
        String token = tokenizer.tokenize(medium).token().value();
        Set<String> cards = new TreeSet<>(isolatedTestDatabase.owner().sql("select card_token from coupon").query(String.class).list());
        List<String> wrong = new ArrayList<>();
        for (Caught statement : caught) {
            for (String table : tablesOf(statement.sql())) {
                if (!CARD_TABLES.contains(table) && !REFERENCE_TABLES.contains(table)) {
                    wrong.add(table + " in " + statement.sql());
                }
            }
            statement.texts().stream().filter(cards::contains).filter(named -> !named.equals(token))
                    .forEach(other -> wrong.add("another card in " + statement.sql()));
        }
        assertThat(wrong).isEmpty();
        assertThat(caught).as("the card at the till is named").anyMatch(statement -> statement.texts().contains(token));
    }

    /** The tables a statement's plan reads or writes. */
    private Set<String> tablesOf(String sql) {
        Set<String> tables = new TreeSet<>();
        String trimmed = sql.strip().toLowerCase();
        if (!(trimmed.startsWith("select") || trimmed.startsWith("with") || trimmed.startsWith("insert")
                || trimmed.startsWith("update") || trimmed.startsWith("delete"))) {
            return tables;
        }
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        // the simple query protocol: the extended one would take $1 for a parameter this call has to bind
        String url = isolatedTestDatabase.jdbcUrl() + (isolatedTestDatabase.jdbcUrl().contains("?") ? "&" : "?")
                + "preferQueryMode=simple";
        StringBuilder plan = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, isolatedTestDatabase.username(), isolatedTestDatabase.password());
             Statement explain = connection.createStatement();
             ResultSet rows = explain.executeQuery("explain (generic_plan, format json) " + numbered)) {
            while (rows.next()) {
                plan.append(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot plan " + sql, e);
        }
        Matcher relation = RELATION.matcher(plan);
        while (relation.find()) {
            tables.add(relation.group(1));
        }
        return tables;
    }

    /** A statement the service prepared, with the text values it was given. */
    record Caught(String sql, List<String> texts) {
    }

    /** Catches every statement the service prepares, and the strings set on it, by wrapping its data source. */
    static final class StatementLog implements BeanPostProcessor {

        private final List<Caught> caught = new CopyOnWriteArrayList<>();

        List<Caught> caught() {
            return List.copyOf(caught);
        }

        void clear() {
            caught.clear();
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            if (bean instanceof DataSource dataSource) {
                return proxy(DataSource.class, dataSource, (method, result, args) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, result, (inner, statement, innerArgs) -> {
                            if (inner.getName().equals("prepareStatement")) {
                                List<String> texts = new CopyOnWriteArrayList<>();
                                caught.add(new Caught((String) innerArgs[0], texts));
                                return proxy(PreparedStatement.class, statement, (set, none, setArgs) -> {
                                    if (set.getName().startsWith("set") && setArgs != null && setArgs.length > 1
                                            && setArgs[1] instanceof String text) {
                                        texts.add(text);
                                    }
                                    return none;
                                });
                            }
                            return statement;
                        })
                        : result);
            }
            return bean;
        }

        @SuppressWarnings("unchecked")
        private static <T> T proxy(Class<T> type, Object target, Decorator decorator) {
            return (T) Proxy.newProxyInstance(StatementLog.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                try {
                    return decorator.decorate(method, method.invoke(target, args), args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
        }

        private interface Decorator {
            Object decorate(java.lang.reflect.Method method, Object result, Object[] args);
        }
    }
}
