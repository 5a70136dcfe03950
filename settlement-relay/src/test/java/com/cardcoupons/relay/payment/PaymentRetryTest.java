package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.support.CouponServerTestBase;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim 10's safety: a terminal on a flaky link may send a payment any number of times, even while the first is
 * still running, and the card is charged once and the coupon used once. The payment is its own idempotency, under its
 * terminal's idempotency key and transaction id. Plus what a terminal may not send.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "relay.payment.retry-wait=400ms")
class PaymentRetryTest extends CouponServerTestBase {

    @Test
    void theSameTransactionSentTwiceAtOnceIsPaidOnceAndBothGetTheSameAnswer() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);
        settlementCenter.slowAuthorizationsOf(2_340, 300);

        List<Reply> replies = atOnce(() -> pay("T-TWICE-1", card, 2_340), () -> pay("T-TWICE-1", card, 2_340));

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies.get(0).body()).isEqualTo(replies.get(1).body());
        assertThat(replies).extracting(reply -> reply.header("Idempotency-Replayed")).containsOnlyOnce("true");
        JsonNode outcome = replies.get(0).json();
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(2_106);
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(steps(journal).stream().filter("PAYMENT_RECEIVED"::equals)).hasSize(1);
        assertThat(authorizationIds(journal)).hasSize(2);
        assertThat(settlementCenter.held(card, "JPY")).as("charged once").isEqualTo(2_106);
        assertThat(jdbc.sql("select count(*) from reservation where transaction_id = 'T-TWICE-1'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(coupons.usesHeld(coupon)).isEqualTo(1);
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "CONFIRMED");
    }

    @Test
    void theSameTransactionUnderAnotherKeyWhileTheFirstRunsWaitsForItsAnswer() {
        String card = TestCards.fresh();
        settlementCenter.slowAuthorizationsOf(3_000, 250);

        List<Reply> replies = atOnce(() -> till().post("/api/v1/payments", payment("T-OTHER-KEY-1", card, 3_000), "other-key-a"),
                () -> {
                    sleep(100);
                    return till().post("/api/v1/payments", payment("T-OTHER-KEY-1", card, 3_000), "other-key-b");
                });

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        assertThat(replies.get(1).json()).isEqualTo(replies.get(0).json());
        awaitBalanced(replies.get(0).json().path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(3_000);
    }

    @Test
    void aRetryThatOutwaitsItsPatienceIsToldToComeBackAndThenGetsTheAnswer() {
        String card = TestCards.fresh();
        settlementCenter.slowAuthorizationsOf(3_100, 800);

        List<Reply> replies = atOnce(() -> till().post("/api/v1/payments", payment("T-COME-BACK-1", card, 3_100), "come-back-a"),
                () -> {
                    sleep(100);
                    return till().post("/api/v1/payments", payment("T-COME-BACK-1", card, 3_100), "come-back-b");
                });
        Reply comeBack = replies.get(1);
        Reply later = till().post("/api/v1/payments", payment("T-COME-BACK-1", card, 3_100), "come-back-b");

        assertThat(comeBack.status()).isEqualTo(503);
        assertThat(comeBack.code()).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(comeBack.header("Retry-After")).isEqualTo("1");
        assertThat(later.status()).as("the 503 was not recorded as the key's answer").isEqualTo(201);
        assertThat(later.json()).isEqualTo(replies.get(0).json());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(3_100);
    }

    @Test
    void aRetryAfterTheAnswerGetsTheSameAnswerWhateverItsKey() {
        String card = TestCards.fresh();
        Reply first = pay("T-RETRY-1", card, 1_100);

        Reply sameKey = pay("T-RETRY-1", card, 1_100);
        Reply newKey = till().post("/api/v1/payments", payment("T-RETRY-1", card, 1_100), "after-reboot");

        assertThat(sameKey.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(sameKey.body()).isEqualTo(first.body());
        assertThat(newKey.status()).isEqualTo(201);
        assertThat(newKey.json()).isEqualTo(first.json());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_100);
    }

    @Test
    void theSameKeyWithAnotherPaymentIsRefusedEvenWhileTheFirstRuns() {
        String card = TestCards.fresh();
        settlementCenter.slowAuthorizationsOf(3_200, 300);

        List<Reply> replies = atOnce(() -> till().post("/api/v1/payments", payment("T-KEY-1", card, 3_200), "key-1"),
                () -> {
                    sleep(100);
                    return till().post("/api/v1/payments", payment("T-KEY-1", card, 3_201), "key-1");
                });
        Reply anotherTransaction = till().post("/api/v1/payments", payment("T-KEY-2", card, 3_200), "key-1");

        assertThat(replies.get(0).status()).isEqualTo(201);
        for (Reply refused : List.of(replies.get(1), anotherTransaction)) {
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(refused.json().path("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(jdbc.sql("select count(*) from payment where transaction_id like 'T-KEY-%'").query(Long.class).single())
                .isEqualTo(1);
        awaitBalanced(replies.get(0).json().path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(3_200);
    }

    @Test
    void aTransactionIdUsedForAnotherPaymentIsRefused() {
        pay("T-REUSED-1", TestCards.fresh(), 1_000);

        Reply other = till().post("/api/v1/payments", payment("T-REUSED-1", TestCards.fresh(), 2_000), "another-key");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("TRANSACTION_ID_REUSED");
        assertThat(other.json().path("field").asString()).isEqualTo("transactionId");
    }

    @Test
    void aTerminalCannotPayInAnotherTerminalsNameAndOnlyTerminalsPay() {
        Map<String, Object> body = payment("T-IMPOSTOR-1", TestCards.fresh(), 1_000);
        body.put("terminalId", OTHER_TILL.toString());

        Reply impostor = till().post("/api/v1/payments", body, "T-IMPOSTOR-1");
        Reply merchantPaying = merchant(MERCHANT).post("/api/v1/payments", payment("T-MERCHANT-1", TestCards.fresh(), 1_000), "k");

        assertThat(impostor.status()).isEqualTo(403);
        assertThat(impostor.code()).isEqualTo("OTHER_TERMINAL");
        assertThat(impostor.json().path("field").asString()).isEqualTo("terminalId");
        assertThat(merchantPaying.code()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(jdbc.sql("select count(*) from payment where transaction_id in ('T-IMPOSTOR-1', 'T-MERCHANT-1')")
                .query(Long.class).single()).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNeverEchoingTheCardNumber() {
        Map<String, Object> luhn = payment("T-BAD-1", "4111 1111 1111 1112", 1_000);
        Reply failsLuhn = till().post("/api/v1/payments", luhn, "T-BAD-1");
        assertThat(failsLuhn.status()).isEqualTo(400);
        assertThat(failsLuhn.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN");
        assertThat(failsLuhn.json().path("field").asString()).isEqualTo("card.number");
        assertThat(failsLuhn.body()).doesNotContain("4111 1111 1111 1112").doesNotContain("4111111111111112");

        Map<String, Object> noExpiry = payment("T-BAD-2", TestCards.fresh(), 1_000);
        noExpiry.put("card", Map.of("number", TestCards.fresh()));
        assertThat(refusal(noExpiry)).containsExactly("NOT_NULL", "card.expiry");

        Map<String, Object> pointCard = payment("T-BAD-3", TestCards.fresh(), 1_000);
        pointCard.put("card", Map.of("type", "POINT", "number", TestCards.fresh(), "expiry", EXPIRY));
        assertThat(refusal(pointCard).get(0)).isEqualTo("NOT_A_PAYMENT_CARD");

        assertThat(refusal(payment("T-BAD-4", TestCards.fresh(), 0))).containsExactly("AMOUNT_NOT_POSITIVE", "amount.amountMinor");

        Map<String, Object> otherCurrency = payment("T-BAD-5", TestCards.fresh(), 1_000);
        otherCurrency.put("basket", List.of(Map.of("sku", "SKU-1", "quantity", 1,
                "unitPrice", Map.of("amountMinor", 10, "currency", "USD"))));
        assertThat(refusal(otherCurrency)).containsExactly("CURRENCY_MISMATCH", "basket[0].unitPrice.currency");

        Reply withoutKey = till().post("/api/v1/payments", payment("T-BAD-6", TestCards.fresh(), 1_000));
        assertThat(withoutKey.status()).isEqualTo(400);
        assertThat(withoutKey.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(withoutKey.json().path("field").asString()).isEqualTo("Idempotency-Key");
        Reply badKey = till().post("/api/v1/payments", payment("T-BAD-7", TestCards.fresh(), 1_000), "x".repeat(129));
        assertThat(badKey.code()).isEqualTo("INVALID_IDEMPOTENCY_KEY");
        assertThat(badKey.json().path("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(jdbc.sql("select count(*) from payment where transaction_id like 'T-BAD-%'").query(Long.class).single())
                .as("nothing half-written").isZero();
    }

    @Test
    void noCardNumberReachesTheLogsTheDatabaseOrTheAnswer(CapturedOutput output) {
        String card = TestCards.fresh();
        coupons.discount(card, "10% off", 1_000);
        settlementCenter.slowAuthorizationsOf(990, 1_500);

        Reply reply = pay("T-NO-PAN-1", card, 1_100);
        awaitBalanced(reply.json().path("paymentId").asString());

        assertThat(reply.body()).doesNotContain(card);
        assertThat(output.getAll()).contains("T-NO-PAN-1").doesNotContain(card);
        for (String table : List.of("payment", "settlement_journal", "settlement_outbox", "coupon_server_idempotency_record",
                "reservation", "usage_event")) {
            assertThat(jdbc.sql("select count(*) from " + table + " t where t::text like ?").param("%" + card + "%")
                    .query(Long.class).single()).as(table).isZero();
        }
    }

    private List<String> refusal(Map<String, Object> body) {
        Reply reply = till().post("/api/v1/payments", body, (String) body.get("transactionId"));
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        return List.of(reply.code(), reply.json().path("field").asString());
    }

    /** Sends the calls from threads of their own, released together. */
    @SafeVarargs
    private static List<Reply> atOnce(Supplier<Reply>... calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Reply>> running = Arrays.stream(calls)
                .map(call -> CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return call.get();
                }, threads))
                .toList();
        start.countDown();
        List<Reply> replies = running.stream().map(CompletableFuture::join).toList();
        threads.shutdown();
        return replies;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
