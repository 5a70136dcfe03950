package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.relay.SettlementRelayApplication;
import com.cardcoupons.relay.support.CouponServerInProcess;
import com.cardcoupons.relay.support.CouponsOnCards;
import com.cardcoupons.relay.support.RelayTestBase;
import com.cardcoupons.relay.support.SettlementCenter;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.PostgresTestDatabases;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static com.cardcoupons.relay.support.RelayTestBase.minor;
import static com.cardcoupons.relay.support.RelayTestBase.sleep;
import static com.cardcoupons.relay.support.RelayTestBase.steps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox and the payment deadline survive the relay: a reversal pending when a relay stops is sent by the next
 * one; a payment left in flight by a relay that died is abandoned by the next at its deadline and everything it sent
 * undone; and a payment still waiting at its deadline is abandoned by its own relay. Each relay here is a whole
 * application on the same real PostgreSQL, started and stopped like a process, beside the real coupon-server.
 */
class RelayRestartTest {

    private static final SettlementCenter settlementCenter = SettlementCenter.shared();

    private static TestDatabase database;
    private static CouponServerInProcess couponServer;

    private final List<ConfigurableApplicationContext> relays = new ArrayList<>();

    @BeforeAll
    static void aDatabaseWithAStoreAndCouponServer() {
        database = PostgresTestDatabases.create("relayrestart");
        RelayTestBase.insertStoreWithTills(jdbc());
        couponServer = CouponServerInProcess.start(database);
    }

    @BeforeEach
    void noFaults() {
        settlementCenter.clearFaults();
    }

    @AfterEach
    void stopRelays() {
        relays.forEach(ConfigurableApplicationContext::close);
        settlementCenter.clearFaults();
    }

    @AfterAll
    static void stopCouponServer() {
        couponServer.close();
    }

    @Test
    void aReversalPendingWhenTheRelayStopsIsSentByTheNextRelay() {
        String card = TestCards.fresh();
        settlementCenter.failReversals();
        ConfigurableApplicationContext first = startRelay("30s", "1s");
        CouponsOnCards coupons = new CouponsOnCards(jdbc(), first.getBean(UsageMediumTokenizer.class));
        String coupon = coupons.discount(card, "10% off", 1_000);

        JsonNode outcome = till(first).post("/api/v1/payments", RelayTestBase.payment("T-RESTART-1", card, 4_000), "T-RESTART-1").json();
        String paymentId = outcome.path("paymentId").asString();
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(3_600);
        awaitJournal(first, paymentId, journal -> steps(journal).containsAll(List.of("REVERSAL_FAILED", "COUPON_CONFIRMED")));
        first.close();
        assertThat(settlementCenter.held(card, "JPY")).as("both authorizations held while no relay runs").isEqualTo(7_600);

        settlementCenter.clearFaults();
        ConfigurableApplicationContext second = startRelay("30s", "1s");

        JsonNode journal = awaitJournal(second, paymentId, balanced());
        assertThat(steps(journal)).containsSubsequence("REVERSAL_FAILED", "REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED");
        assertThat(settlementCenter.stateOf(journal.path("authorizations").get(0).path("authorizationId").asString()))
                .isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).as("what the terminal was told").isEqualTo(3_600);
        assertThat(coupons.usesHeld(coupon)).isEqualTo(1);
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "CONFIRMED");
    }

    @Test
    void aPaymentLeftInFlightByARelayThatDiedIsAbandonedByTheNextAndItsAuthorizationReversed() {
        String card = TestCards.fresh();
        UUID paymentId = UUID.randomUUID();
        UUID authorizationId = UUID.randomUUID();
        // what a relay that died right after sending an authorization leaves behind: its payment in progress, with
        // its deadline two seconds away; the authorization written ahead, with its reversal armed; and the settlement
        // center's approval
        JdbcClient db = jdbc();
        db.sql("""
                        insert into payment (id, merchant_id, store_id, terminal_id, terminal_principal, transaction_id,
                                             idempotency_key, request_fingerprint, card_token, card_type, card_brand,
                                             card_last_four, currency, amount_minor, state, received_at, deadline_at)
                        values (?, ?, ?, ?, 'till-1', 'T-LEFT-IN-FLIGHT-1', 'T-LEFT-IN-FLIGHT-1', repeat('f', 64),
                                repeat('t', 43), 'CREDIT', 'VISA',
                                ?, 'JPY', 5432, 'IN_PROGRESS', now() - interval '1 minute', now() + interval '2 seconds')""")
                .params(paymentId, RelayTestBase.MERCHANT, RelayTestBase.STORE, RelayTestBase.TILL, card.substring(12))
                .update();
        db.sql("""
                        insert into settlement_journal (payment_id, step, authorization_id, leg, currency, amount_minor)
                        values (?, 'AUTHORIZATION_SENT', ?, 'FULL_AMOUNT', 'JPY', 5432)""")
                .params(paymentId, authorizationId).update();
        db.sql("""
                        insert into settlement_outbox (id, payment_id, action, authorization_id, leg, currency, amount_minor,
                                                       state, next_attempt_at)
                        values (?, ?, 'REVERSE_AUTHORIZATION', ?, 'FULL_AMOUNT', 'JPY', 5432, 'ARMED', now() + interval '2 seconds')""")
                .params(UUID.randomUUID(), paymentId, authorizationId).update();
        assertThat(settlementCenter.authorize(authorizationId, card, 5_432)).isEqualTo("APPROVED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(5_432);

        ConfigurableApplicationContext next = startRelay("30s", "1s");
        ApiCaller.Reply beforeDeadline = till(next).get("/api/v1/payments?transactionId=T-LEFT-IN-FLIGHT-1");
        assertThat(beforeDeadline.status()).isEqualTo(503);
        assertThat(beforeDeadline.code()).isEqualTo("PAYMENT_IN_PROGRESS");

        JsonNode journal = awaitJournal(next, paymentId.toString(), balanced());
        assertThat(steps(journal)).containsSubsequence("AUTHORIZATION_SENT", "REVERSAL_QUEUED", "PAYMENT_ABANDONED",
                "REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED");
        assertThat(settlementCenter.stateOf(authorizationId)).isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).isZero();
        JsonNode outcome = till(next).get("/api/v1/payments?transactionId=T-LEFT-IN-FLIGHT-1").json();
        assertThat(outcome.path("result").asString()).as("what a retry of the terminal gets").isEqualTo("TIMED_OUT");
        assertThat(minor(outcome.path("chargedAmount"))).isZero();
    }

    @Test
    void aPaymentStillWaitingAtItsDeadlineIsAnsweredAsAbandonedAndItsLateApprovalReversed() {
        String card = TestCards.fresh();
        settlementCenter.slowAuthorizationsOf(6_543, 2_500);
        ConfigurableApplicationContext relay = startRelay("1s", "10s");

        JsonNode outcome = till(relay).post("/api/v1/payments", RelayTestBase.payment("T-PAST-DEADLINE-1", card, 6_543),
                "T-PAST-DEADLINE-1").json();

        assertThat(outcome.path("result").asString()).isEqualTo("TIMED_OUT");
        JsonNode journal = awaitJournal(relay, outcome.path("paymentId").asString(), balanced());
        assertThat(steps(journal)).containsSubsequence("AUTHORIZATION_SENT", "PAYMENT_ABANDONED", "AUTHORIZATION_APPROVED");
        assertThat(steps(journal)).doesNotContain("PAYMENT_ANSWERED");
        assertThat(settlementCenter.held(card, "JPY")).isZero();
    }

    private ConfigurableApplicationContext startRelay(String paymentDeadline, String authorizationTimeout) {
        // command-line arguments, so they outrank the relay's own configuration as they would in a deployment
        ConfigurableApplicationContext relay = new SpringApplicationBuilder(SettlementRelayApplication.class).run(
                "--server.port=0",
                "--server.shutdown=immediate",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(DatabaseRole.RELAY),
                "--spring.datasource.password=" + database.password(DatabaseRole.RELAY),
                "--coupons.gateway-trust.shared-secret=" + RelayTestBase.GATEWAY_SECRET,
                "--relay.settlement-center.url=" + settlementCenter.url(),
                "--relay.settlement-center.authorization-timeout=" + authorizationTimeout,
                "--relay.settlement-center.reversal-timeout=1s",
                "--relay.coupon-server.url=" + couponServer.url(),
                "--relay.outbox.poll-interval=200ms",
                "--relay.outbox.first-retry=200ms",
                "--relay.outbox.max-retry=500ms",
                "--relay.payment.deadline=" + paymentDeadline,
                "--relay.payment.abandonment-check=200ms",
                "--resilience4j.timelimiter.instances.coupon-search.timeout-duration=1s");
        relays.add(relay);
        return relay;
    }

    private static ApiCaller till(ConfigurableApplicationContext relay) {
        IdentitySigner signer = relay.getBean(IdentitySigner.class);
        CallerIdentity identity = CallerIdentity.terminal("till-1", RelayTestBase.MERCHANT, RelayTestBase.STORE, RelayTestBase.TILL);
        int port = ((WebServerApplicationContext) relay).getWebServer().getPort();
        return ApiCaller.anonymous("http://localhost:" + port).as((method, path) -> signer.sign(identity, method, path));
    }

    private static JsonNode awaitJournal(ConfigurableApplicationContext relay, String paymentId, Predicate<JsonNode> until) {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode journal = till(relay).get("/api/v1/payments/" + paymentId + "/journal").json();
        while (!until.test(journal) && Instant.now().isBefore(deadline)) {
            sleep(100);
            journal = till(relay).get("/api/v1/payments/" + paymentId + "/journal").json();
        }
        assertThat(until.test(journal)).as("journal reached the expected state: " + journal).isTrue();
        return journal;
    }

    private static JdbcClient jdbc() {
        return JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl(), database.username(), database.password()));
    }

    private static Predicate<JsonNode> balanced() {
        return journal -> journal.path("balanced").asBoolean();
    }
}
