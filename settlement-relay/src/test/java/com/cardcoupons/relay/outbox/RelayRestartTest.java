package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.schema.DatabaseRole;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
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
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
        settlementCenter.ignoreReversals();
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
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).as("what the terminal was told").isEqualTo(3_600);
        assertThat(coupons.usesHeld(coupon)).isEqualTo(1);
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "CONFIRMED");
    }

    @Test
    void aRelayKilledAfterSendingAnAuthorizationLeavesItsReversalToTheNextRelay() {
        String card = TestCards.fresh();
        // the host approves the authorization and never answers, so the relay is still waiting when it is killed
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 5_432, "effect", "NO_ANSWER", "times", 1));
        ConfigurableApplicationContext first = startRelay("2s", "20s");
        CompletableFuture.runAsync(() -> till(first).post("/api/v1/payments",
                RelayTestBase.payment("T-KILLED-1", card, 5_432), "T-KILLED-1"));
        awaitApprovedAtTheHost(card);
        first.close();
        assertThat(settlementCenter.held(card, "JPY")).as("held while no relay runs").isEqualTo(5_432);
        String paymentId = jdbc().sql("select id::text from payment where transaction_id = 'T-KILLED-1'")
                .query(String.class).single();

        ConfigurableApplicationContext next = startRelay("2s", "1s");

        JsonNode journal = awaitJournal(next, paymentId, balanced());
        assertThat(steps(journal)).containsSubsequence("AUTHORIZATION_SENT", "REVERSAL_QUEUED", "PAYMENT_ABANDONED",
                "REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED");
        assertThat(journal.findValues("detail").stream().map(JsonNode::asString)).contains("0420, attempt 1");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        JsonNode outcome = till(next).get("/api/v1/payments?transactionId=T-KILLED-1").json();
        assertThat(outcome.path("result").asString()).as("what a retry of the terminal gets").isEqualTo("TIMED_OUT");
        long doubleCharges = settlementCenter.held(card, "JPY") - minor(outcome.path("chargedAmount"));
        long lostReversals = settlementCenter.authorizationsOf(card).valueStream()
                .filter(authorization -> authorization.path("state").asString().equals("APPROVED")).count();
        System.out.printf("figures: double charges %d, lost reversals %d%n", doubleCharges, lostReversals);
        assertThat(doubleCharges).isZero();
        assertThat(lostReversals).isZero();
    }

    @Test
    void aRelayStartedWhileTheHostIsDownIsNotReadyRefusesPaymentsLeavingCouponsAloneAndSignsOnOnceItIsBack() {
        String card = TestCards.fresh();
        settlementCenter.stopHost();
        try {
            ConfigurableApplicationContext relay = startRelay("30s", "1s");
            CouponsOnCards coupons = new CouponsOnCards(jdbc(), relay.getBean(UsageMediumTokenizer.class));
            String coupon = coupons.discount(card, "10% off", 1_000);

            ApiCaller.Reply readiness = operator(relay).get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().path("components").path("settlementCenter").path("status").asString())
                    .isEqualTo("OUT_OF_SERVICE");
            ApiCaller.Reply refused = till(relay).post("/api/v1/payments",
                    RelayTestBase.payment("T-HOST-DOWN-1", card, 2_000), "T-HOST-DOWN-1");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.code()).isEqualTo("SETTLEMENT_CENTER_UNAVAILABLE");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(coupons.searchesFor(card)).as("no search").isZero();
            assertThat(coupons.usesHeld(coupon)).isZero();
            assertThat(coupons.usage(coupon)).isEmpty();
            assertThat(jdbc().sql("select count(*) from payment where transaction_id = 'T-HOST-DOWN-1'")
                    .query(Long.class).single()).as("nothing recorded").isZero();

            settlementCenter.startHost();
            Instant giveUp = Instant.now().plusSeconds(15);
            while (operator(relay).get("/actuator/health/readiness").status() != 200 && Instant.now().isBefore(giveUp)) {
                sleep(100);
            }
            assertThat(operator(relay).get("/actuator/health/readiness").status()).as("signed on again").isEqualTo(200);
            JsonNode paid = till(relay).post("/api/v1/payments", RelayTestBase.payment("T-HOST-DOWN-1", card, 2_000),
                    "T-HOST-DOWN-1").json();
            assertThat(paid.path("result").asString()).as("the same payment, sent again").isEqualTo("APPROVED");
            assertThat(paid.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        } finally {
            settlementCenter.startHost();
        }
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
                "--relay.settlement-center.port=" + settlementCenter.isoPort(),
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

    private static void awaitApprovedAtTheHost(String card) {
        Instant giveUp = Instant.now().plusSeconds(10);
        while (settlementCenter.authorizationsOf(card).isEmpty() && Instant.now().isBefore(giveUp)) {
            sleep(50);
        }
        assertThat(settlementCenter.authorizationsOf(card).get(0).path("state").asString()).isEqualTo("APPROVED");
    }

    /** An administrator, to whom health shows its components. */
    private static ApiCaller operator(ConfigurableApplicationContext relay) {
        IdentitySigner signer = relay.getBean(IdentitySigner.class);
        CallerIdentity administrator = new CallerIdentity("operator", Role.PLATFORM_ADMIN, null, null, null, null);
        return ApiCaller.anonymous("http://localhost:" + ((WebServerApplicationContext) relay).getWebServer().getPort())
                .as((method, path) -> signer.sign(administrator, method, path));
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
