package com.cardcoupons.relay.support;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.relay.coupon.CouponSearch;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relay on its own fresh PostgreSQL, wired to the real settlement center simulator (in this JVM, on a random port)
 * and to a coupon-server the subclass provides: the real one ({@link CouponServerTestBase}) or a stand-in for fault
 * shapes the real one cannot take ({@link StandInTestBase}). Timeouts are shortened so that timeouts can be tested in
 * about a second. Each relay is warmed up with a few payments before its first test, and its coupon search budget is
 * widened to 1 s, so that a busy test machine's pauses do not turn coupons "unavailable"; the 150 ms default itself
 * is what {@code ParallelFanOutTest} runs with. Every test class has a database of its own, so its relay is closed
 * after it rather than cached.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coupons.gateway-trust.shared-secret=" + RelayTestBase.GATEWAY_SECRET,
        "relay.settlement-center.authorization-timeout=1s",
        "relay.settlement-center.reversal-timeout=1s",
        "relay.coupon-server.reservation-timeout=2s",
        "relay.outbox.poll-interval=200ms",
        "relay.outbox.first-retry=200ms",
        "relay.outbox.max-retry=1s",
        "relay.payment.abandonment-check=300ms",
        "resilience4j.timelimiter.instances.coupon-search.timeout-duration=1s"})
@IsolatedDatabase
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
public abstract class RelayTestBase {

    public static final String GATEWAY_SECRET = "test-gateway-secret-for-the-settlement-relay-tests";
    public static final UUID MERCHANT = UUID.fromString("c0000000-0000-4000-8000-000000000001");
    public static final UUID STORE = UUID.fromString("c0000000-0000-4000-8000-000000000011");
    public static final UUID TILL = UUID.fromString("c0000000-0000-4000-8000-000000000111");
    public static final UUID OTHER_TILL = UUID.fromString("c0000000-0000-4000-8000-000000000112");
    public static final String EXPIRY = "2031-12";

    protected static final SettlementCenter settlementCenter = SettlementCenter.shared();

    @LocalServerPort
    protected int port;

    @Autowired
    protected IdentitySigner signer;

    protected JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    protected CircuitBreakerRegistry breakers;

    @DynamicPropertySource
    static void settlementCenter(DynamicPropertyRegistry registry) {
        registry.add("relay.settlement-center.host", () -> "localhost");
        registry.add("relay.settlement-center.port", settlementCenter::isoPort);
    }

    private static int warmedUpRelay;

    @BeforeEach
    void aStoreWithTwoTillsAndAWarmRelay() {
        insertStoreWithTills(jdbc);
        settlementCenter.clearFaults();
        if (warmedUpRelay != port) {
            // a cold JVM's first payments load classes and open connections for a second or more on a busy machine,
            // which no time budget should have to allow for
            for (int i = 0; i < 3; i++) {
                pay("T-WARM-UP-" + i, TestCards.fresh(), 100);
            }
            warmedUpRelay = port;
        }
        breakers.circuitBreaker(CouponSearch.BREAKER).reset();
    }

    @AfterEach
    void clearFaults() {
        settlementCenter.clearFaults();
    }

    public static void insertStoreWithTills(JdbcClient jdbc) {
        jdbc.sql("insert into merchant (id, name) values (?, 'Relay Test Mart') on conflict do nothing").param(MERCHANT).update();
        jdbc.sql("""
                        insert into store (id, merchant_id, code, name, mcc, time_zone)
                        values (?, ?, 'CENTRAL', 'Relay Test Mart Central', '5411', 'Asia/Tokyo') on conflict do nothing""")
                .params(STORE, MERCHANT).update();
        jdbc.sql("""
                        insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, 'TILL-1'), (?, ?, ?, 'TILL-2')
                        on conflict do nothing""")
                .params(TILL, MERCHANT, STORE, OTHER_TILL, MERCHANT, STORE).update();
    }

    protected ApiCaller till() {
        return tillAs(TILL);
    }

    protected ApiCaller tillAs(UUID terminal) {
        CallerIdentity identity = CallerIdentity.terminal("till-" + terminal, MERCHANT, STORE, terminal);
        return ApiCaller.anonymous("http://localhost:" + port).as((method, path) -> signer.sign(identity, method, path));
    }

    protected ApiCaller merchant(UUID merchant) {
        CallerIdentity identity = CallerIdentity.merchant("merchant-user", merchant);
        return ApiCaller.anonymous("http://localhost:" + port).as((method, path) -> signer.sign(identity, method, path));
    }

    /** A payment as a terminal sends it, of {@code amountMinor} yen, with a one-line basket. */
    public static Map<String, Object> payment(String transactionId, String card, long amountMinor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionId", transactionId);
        body.put("merchantId", MERCHANT.toString());
        body.put("storeId", STORE.toString());
        body.put("terminalId", TILL.toString());
        body.put("card", Map.of("number", card, "expiry", EXPIRY));
        body.put("amount", Map.of("amountMinor", amountMinor, "currency", "JPY"));
        body.put("basket", List.of(Map.of("sku", "SKU-1", "category", "GROCERY", "quantity", 1,
                "unitPrice", Map.of("amountMinor", amountMinor, "currency", "JPY"))));
        return body;
    }

    /** Pays with the transaction id as the idempotency key, as a terminal does. */
    protected ApiCaller.Reply pay(String transactionId, String card, long amountMinor) {
        return till().post("/api/v1/payments", payment(transactionId, card, amountMinor), transactionId);
    }

    protected JsonNode journalOf(String paymentId) {
        ApiCaller.Reply reply = till().get("/api/v1/payments/" + paymentId + "/journal");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    /** Waits until the payment's follow-ups are all acknowledged and the card holds what the terminal was told. */
    protected JsonNode awaitBalanced(String paymentId) {
        Instant deadline = Instant.now().plusSeconds(15);
        JsonNode journal = journalOf(paymentId);
        while (!journal.path("balanced").asBoolean() && Instant.now().isBefore(deadline)) {
            sleep(100);
            journal = journalOf(paymentId);
        }
        assertThat(journal.path("balanced").asBoolean()).as("balanced journal: " + journal).isTrue();
        return journal;
    }

    public static List<String> steps(JsonNode journal) {
        List<String> steps = new ArrayList<>();
        journal.path("entries").forEach(entry -> steps.add(entry.path("step").asString()));
        return steps;
    }

    /** The authorization ids in the journal, in the order they were sent. */
    protected static List<String> authorizationIds(JsonNode journal) {
        List<String> ids = new ArrayList<>();
        journal.path("authorizations").forEach(authorization -> ids.add(authorization.path("authorizationId").asString()));
        return ids;
    }

    public static long minor(JsonNode money) {
        return money.path("amountMinor").asLong();
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
