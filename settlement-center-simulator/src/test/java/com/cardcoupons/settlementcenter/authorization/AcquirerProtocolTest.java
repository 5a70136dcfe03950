package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.SettlementCenterSimulatorApplication;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The acquirer protocol over HTTP, as the settlement relay speaks it, with faults injected through the admin API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=" + SettlementCenterSimulatorApplication.CONFIG_NAME,
        "settlement-center.cards.blocked[0]=" + AcquirerProtocolTest.BLOCKED_CARD,
        "settlement-center.cards.limits[0].number=" + AcquirerProtocolTest.LOW_LIMIT_CARD,
        "settlement-center.cards.limits[0].limit-minor=5000"})
@ExtendWith(OutputCaptureExtension.class)
class AcquirerProtocolTest {

    private static final String MASTERCARD = "5555 5555 5555 4444";
    static final String LOW_LIMIT_CARD = "4000000000000077";
    static final String BLOCKED_CARD = "4000000000000002";

    @LocalServerPort
    int port;

    ApiCaller center;

    @BeforeEach
    void connect() {
        center = ApiCaller.anonymous("http://localhost:" + port);
    }

    @AfterEach
    void clearFaults() {
        center.delete("/admin/faults");
    }

    @Test
    void anApprovedAuthorizationHoldsFundsUntilItIsReversed() {
        String card = "5105 1051 0510 5100";
        Reply approved = center.post("/acquirer/v1/authorizations", authorization("story-1", card, "2031-01", 1_200));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().path("result").asString()).isEqualTo("APPROVED");
        assertThat(approved.json().path("authorizationCode").asString()).hasSize(6);

        Reply inquiry = center.get("/acquirer/v1/authorizations/story-1");
        assertThat(inquiry.json().path("state").asString()).isEqualTo("APPROVED");
        assertThat(inquiry.json().path("cardLastFour").asString()).isEqualTo("5100");

        Reply reversed = center.post("/acquirer/v1/reversals", reversal("story-1", 1_200));
        assertThat(reversed.json().path("result").asString()).isEqualTo("REVERSED");
        assertThat(center.get("/acquirer/v1/authorizations/story-1").json().path("state").asString()).isEqualTo("REVERSED");
        assertThat(center.post("/admin/cards/query", Map.of("number", card)).json().path("heldMinor").path("JPY").asLong())
                .isZero();
    }

    @Test
    void configuredCardsAreDeclinedOverTheirLimitOrWhenBlocked() {
        Reply overLimit = center.post("/acquirer/v1/authorizations", authorization("limit-1", LOW_LIMIT_CARD, "2031-01", 5_001));
        assertThat(overLimit.json().path("result").asString()).isEqualTo("DECLINED");
        assertThat(overLimit.json().path("responseCode").asString()).isEqualTo("51");

        Reply blocked = center.post("/acquirer/v1/authorizations", authorization("blocked-1", BLOCKED_CARD, "2031-01", 100));
        assertThat(blocked.json().path("reason").asString()).isEqualTo("RESTRICTED_CARD");

        center.put("/admin/cards", Map.of("number", BLOCKED_CARD, "blocked", false));
        Reply unblocked = center.post("/acquirer/v1/authorizations", authorization("blocked-2", BLOCKED_CARD, "2031-01", 100));
        assertThat(unblocked.json().path("result").asString()).isEqualTo("APPROVED");
    }

    @Test
    void aFailureAfterProcessingLosesTheAnswerButTheReversalStillFindsTheAuthorization() {
        assertThat(center.post("/admin/faults", Map.of("operation", "AUTHORIZE", "effect", "FAIL_AFTER_PROCESSING", "times", 1))
                .status()).isEqualTo(201);

        Reply lost = center.post("/acquirer/v1/authorizations", authorization("lost-1", MASTERCARD, "2031-01", 700));
        assertThat(lost.status()).isEqualTo(503);
        assertThat(lost.json().path("code").asString()).isEqualTo("SIMULATED_FAILURE");
        assertThat(center.get("/acquirer/v1/authorizations/lost-1").json().path("state").asString()).isEqualTo("APPROVED");

        assertThat(center.post("/acquirer/v1/reversals", reversal("lost-1", 700)).json().path("result").asString())
                .isEqualTo("REVERSED");
    }

    @Test
    void aFailureBeforeProcessingAuthorizesNothing() {
        center.post("/admin/faults", Map.of("operation", "AUTHORIZE", "effect", "FAIL_BEFORE_PROCESSING", "times", 1));

        assertThat(center.post("/acquirer/v1/authorizations", authorization("never-1", MASTERCARD, "2031-01", 700)).status()).isEqualTo(503);
        assertThat(center.get("/acquirer/v1/authorizations/never-1").status()).isEqualTo(404);
    }

    @Test
    void injectedLatencyDelaysOnlyTheMessagesItMatches() {
        center.post("/admin/faults", Map.of("operation", "AUTHORIZE", "amountMinor", 333, "latencyMs", 300));

        long slowStart = System.nanoTime();
        center.post("/acquirer/v1/authorizations", authorization("slow-1", MASTERCARD, "2031-01", 333));
        long slowMillis = (System.nanoTime() - slowStart) / 1_000_000;
        long fastStart = System.nanoTime();
        center.post("/acquirer/v1/authorizations", authorization("fast-1", MASTERCARD, "2031-01", 334));
        long fastMillis = (System.nanoTime() - fastStart) / 1_000_000;

        assertThat(slowMillis).isGreaterThanOrEqualTo(300);
        assertThat(fastMillis).isLessThan(300);
        assertThat(center.get("/admin/faults").json()).hasSize(1);
    }

    @Test
    void aMalformedMessageIsRefusedAndNoCardNumberEverReachesALogOrAnAnswer(CapturedOutput output) {
        Reply malformed = center.post("/acquirer/v1/authorizations", """
                {"authorizationId":"bad id!","acceptor":{"merchantId":"m","terminalId":"t"},
                 "card":{"number":"5555555555554444","expiry":"2031-01"},"amount":{"amountMinor":-5,"currency":"JPY"}}""");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("5555555555554444");

        center.post("/acquirer/v1/authorizations", authorization("logged-1", MASTERCARD, "2031-01", 900));
        assertThat(output.getAll()).contains("logged-1").contains("****4444")
                .doesNotContain("5555555555554444").doesNotContain(MASTERCARD);
    }

    static Map<String, Object> authorization(String id, String number, String expiry, long amountMinor) {
        return Map.of("authorizationId", id,
                "acceptor", Map.of("merchantId", "merchant-1", "terminalId", "till-1"),
                "card", Map.of("number", number, "expiry", expiry),
                "amount", Map.of("amountMinor", amountMinor, "currency", "JPY"));
    }

    static Map<String, Object> reversal(String id, long amountMinor) {
        return Map.of("authorizationId", id, "amount", Map.of("amountMinor", amountMinor, "currency", "JPY"));
    }
}
