package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.support.CouponServerTestBase;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the terminal is told when the settlement center declines, or does not answer at all, with the real
 * coupon-server on the other leg: a coupon is never held for a payment that is not approved.
 */
class SettlementCenterOutcomesTest extends CouponServerTestBase {

    @Test
    void whenTheSettlementCenterDoesNotAnswerThePaymentTimesOutAndTheAuthorizationIsReversed() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);
        settlementCenter.slowAuthorizations(2_000);

        long started = System.nanoTime();
        Reply reply = pay("T-TIMEOUT-1", card, 1_200);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(201);
        JsonNode outcome = reply.json();
        assertThat(outcome.path("result").asString()).isEqualTo("TIMED_OUT");
        assertThat(minor(outcome.path("chargedAmount"))).isZero();
        assertThat(outcome.path("authorizationCode").isMissingNode()).isTrue();
        assertThat(outcome.path("message").asString()).contains("did not answer");
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("PAYMENT_NOT_APPROVED");
        assertThat(millis).as("answered at the authorization timeout, not when the center finally answers").isLessThan(1_900);
        assertThat(coupons.searchesFor(card)).as("the search ran beside the authorization").isEqualTo(1);

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(steps(journal)).containsSubsequence("AUTHORIZATION_SENT", "AUTHORIZATION_UNANSWERED", "REVERSAL_QUEUED",
                "PAYMENT_ANSWERED", "REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED");
        assertThat(minor(journal.path("outstanding"))).isZero();
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).as("approved late, then reversed")
                .isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).isZero();
        assertThat(coupons.usesHeld(coupon)).as("no coupon held for a payment not approved").isZero();
        assertThat(coupons.usage(coupon)).isEmpty();
    }

    @Test
    void anAnswerLostAfterTheApprovalIsReversedToo() {
        String card = TestCards.fresh();
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 1_337, "effect", "NO_ANSWER", "times", 1));

        JsonNode outcome = pay("T-LOST-ANSWER-1", card, 1_337).json();

        assertThat(outcome.path("result").asString()).isEqualTo("TIMED_OUT");
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).isZero();
    }

    @Test
    void aReversalThatIsNotAcknowledgedIsRetriedUntilItIs() {
        String card = TestCards.fresh();
        settlementCenter.slowAuthorizationsOf(1_401, 1_500);
        settlementCenter.inject(Map.of("operation", "REVERSE", "effect", "IGNORE", "times", 3));

        JsonNode outcome = pay("T-RETRIED-REVERSAL-1", card, 1_401).json();

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(steps(journal).stream().filter("REVERSAL_FAILED"::equals)).hasSize(3);
        assertThat(steps(journal).stream().filter("REVERSAL_SENT"::equals)).hasSize(4);
        assertThat(settlementCenter.held(card, "JPY")).isZero();
    }

    @Test
    void declinesComeBackWithTheIssuersResponseCodeAndChargeNothing() {
        String overLimit = TestCards.fresh();
        settlementCenter.setLimit(overLimit, 500);

        JsonNode declined = pay("T-DECLINED-LIMIT", overLimit, 1_000).json();
        assertThat(declined.path("result").asString()).isEqualTo("DECLINED");
        assertThat(declined.path("decline").path("responseCode").asString()).isEqualTo("51");
        assertThat(declined.path("decline").path("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(minor(declined.path("chargedAmount"))).isZero();
        assertThat(declined.path("receipt").toString()).contains("DECLINED  51");
        JsonNode journal = awaitBalanced(declined.path("paymentId").asString());
        assertThat(steps(journal)).doesNotContain("REVERSAL_QUEUED");

        Map<String, Object> expired = payment("T-DECLINED-EXPIRED", TestCards.fresh(), 1_000);
        expired.put("card", Map.of("number", ((Map<?, ?>) expired.get("card")).get("number"), "expiry", "2020-01"));
        assertThat(till().post("/api/v1/payments", expired, "T-DECLINED-EXPIRED").json().path("decline").path("responseCode")
                .asString()).isEqualTo("54");

        String blocked = TestCards.fresh();
        settlementCenter.block(blocked);
        assertThat(pay("T-DECLINED-BLOCKED", blocked, 1_000).json().path("decline").path("reason").asString())
                .isEqualTo("RESTRICTED_CARD");
    }

    @Test
    void theJournalAccountsForEveryAuthorizationOfEveryOutcome() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "25% off", 2_500);
        settlementCenter.setLimit(card, 100_000);

        JsonNode outcome = pay("T-ACCOUNTED-1", card, 4_000).json();
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());

        assertThat(minor(journal.path("toldCharged"))).isEqualTo(3_000).isEqualTo(minor(outcome.path("chargedAmount")));
        assertThat(minor(journal.path("outstanding"))).isEqualTo(3_000);
        assertThat(journal.path("pendingFollowUps").asLong()).isZero();
        List<String> legs = journal.path("authorizations").valueStream().map(a -> a.path("leg").asString()).toList();
        assertThat(legs).containsExactly("FULL_AMOUNT", "DISCOUNTED");
        assertThat(journal.path("authorizations").get(0).path("reversal").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(journal.path("authorizations").get(1).path("reversal").asString()).isEqualTo("NONE");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(3_000);
        assertThat(coupons.usesHeld(coupon)).isEqualTo(1);
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "CONFIRMED");
    }
}
