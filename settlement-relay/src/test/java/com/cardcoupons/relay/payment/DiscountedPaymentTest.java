package com.cardcoupons.relay.payment;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.relay.support.CouponServerTestBase;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claims 9 and 19 against the real coupon-server: the discount applied inside the card authorization, and every way
 * it falls back to full price. After each payment the card holds what the terminal was told, and the coupon is used,
 * or free again, as coupon-server's own records say.
 */
class DiscountedPaymentTest extends CouponServerTestBase {

    @Test
    void aDiscountFoundWhileTheFullAmountIsAuthorizedIsChargedByASecondAuthorization() {
        String card = TestCards.fresh();
        String tenPercent = coupons.discount(card, "10% off everything", 1_000);

        Reply reply = pay("T-DISCOUNT-1", card, 1_000);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode outcome = reply.json();
        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("originalAmount"))).isEqualTo(1_000);
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(900);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        assertThat(outcome.path("coupon").path("applied").get(0).path("code").asString()).isEqualTo(tenPercent);
        assertThat(outcome.path("coupon").path("applied").get(0).path("title").asString()).isEqualTo("10% off everything");
        assertThat(minor(outcome.path("coupon").path("totalDiscount"))).isEqualTo(100);
        assertThat(outcome.path("card").path("lastFour").asString()).isEqualTo(card.substring(12));
        assertThat(outcome.path("receipt").toString()).contains("TOTAL CHARGED", "JPY 900", "-JPY 100", outcome.path("authorizationCode").asString());
        assertThat(reply.body()).doesNotContain(card);

        String paymentId = outcome.path("paymentId").asString();
        JsonNode journal = awaitBalanced(paymentId);
        assertThat(steps(journal)).as("two legs: the search beside the full amount, then the hold beside the discounted price")
                .containsSubsequence("PAYMENT_RECEIVED", "AUTHORIZATION_SENT", "AUTHORIZATION_APPROVED",
                "COUPON_SEARCH_ANSWERED", "AUTHORIZATION_SENT", "AUTHORIZATION_APPROVED", "COUPON_RESERVED",
                "REVERSAL_QUEUED", "PAYMENT_ANSWERED");
        assertThat(steps(journal)).contains("REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED", "COUPON_CONFIRMED");
        assertThat(minor(journal.path("outstanding"))).isEqualTo(900);

        assertThat(journal.path("authorizations").get(1).path("authorizationCode").asString())
                .isEqualTo(outcome.path("authorizationCode").asString());
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("REVERSED");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(1))).isEqualTo("APPROVED");
        assertThat(settlementCenter.held(card, "JPY")).as("what the card really holds").isEqualTo(900);

        assertThat(coupons.usesHeld(tenPercent)).isEqualTo(1);
        assertThat(coupons.usage(tenPercent)).containsExactly("RESERVED", "CONFIRMED");
    }

    @Test
    void theRelaysKeysAtCouponServerAreThePaymentsUnderAPrefixOfTheirOwn() {
        String card = TestCards.fresh();
        coupons.discount(card, "5% off", 500);

        String paymentId = pay("T-KEYS-1", card, 2_000).json().path("paymentId").asString();
        awaitBalanced(paymentId);

        String terminalsKeySpace = "coupon-server:TERMINAL:till-" + TILL;
        assertThat(jdbc.sql("select idempotency_key from coupon_server_idempotency_record where scope = ? and idempotency_key like ?")
                .params(terminalsKeySpace, "%" + paymentId + "%").query(String.class).list())
                .as("recorded by coupon-server in the terminal's own key space")
                .containsExactlyInAnyOrder("relay:" + paymentId + ":reserve", "relay:" + paymentId + ":confirm");
        assertThat(jdbc.sql("select count(*) from coupon_server_idempotency_record where scope = ? and idempotency_key not like 'relay:%'")
                .param(terminalsKeySpace).query(Long.class).single()).isZero();
    }

    @Test
    void withoutADiscountTheFirstAuthorizationStandsAndBenefitsComeBackForTheTerminalToHonour() {
        String card = TestCards.fresh();
        String coffee = coupons.benefit(card, "Free coffee", "one regular coffee");

        Reply reply = pay("T-NO-DISCOUNT-1", card, 1_500);

        JsonNode outcome = reply.json();
        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_500);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("NONE");
        assertThat(outcome.path("benefits").get(0).path("code").asString()).isEqualTo(coffee);
        assertThat(outcome.path("benefits").get(0).path("grant").asString()).isEqualTo("Free item: one regular coffee");
        assertThat(outcome.path("receipt").toString()).contains("Free coffee");

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(authorizationIds(journal)).hasSize(1);
        assertThat(steps(journal)).doesNotContain("REVERSAL_QUEUED", "COUPON_RESERVED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_500);
        assertThat(coupons.usesHeld(coffee)).as("the terminal redeems a benefit when it hands it over").isZero();
        assertThat(coupons.usage(coffee)).isEmpty();
    }

    @Test
    void whenTheDiscountedAuthorizationIsDeclinedTheFullPriceStandsAndTheCouponIsReleased() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);
        // the first authorization holds 1,000 of a 1,500 limit, so the second, for 900, is over the limit
        settlementCenter.setLimit(card, 1_500);

        JsonNode outcome = pay("T-SECOND-DECLINED-1", card, 1_000).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_000);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("NOT_APPLIED");
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("DISCOUNTED_AUTHORIZATION_DECLINED");

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(journal.path("authorizations").get(0).path("authorizationCode").asString())
                .isEqualTo(outcome.path("authorizationCode").asString());
        assertThat(journal.path("authorizations").get(1).path("answer").asString()).isEqualTo("DECLINED");
        assertThat(journal.path("authorizations").get(1).path("responseCode").asString()).isEqualTo("51");
        assertThat(steps(journal)).contains("COUPON_RELEASED").doesNotContain("REVERSAL_QUEUED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(coupons.usesHeld(coupon)).as("the coupon can be used another time").isZero();
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "RELEASED");
    }

    @Test
    void whenTheDiscountedAuthorizationGoesUnansweredItIsReversedAndTheFullPriceStands() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "20% off", 2_000);
        settlementCenter.slowAuthorizationsOf(800, 1_500);

        JsonNode outcome = pay("T-SECOND-UNANSWERED-1", card, 1_000).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_000);
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("DISCOUNTED_AUTHORIZATION_UNANSWERED");

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(journal.path("authorizations").get(1).path("answer").asString()).isEqualTo("UNANSWERED");
        assertThat(journal.path("authorizations").get(1).path("reversal").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(0))).isEqualTo("APPROVED");
        assertThat(settlementCenter.stateOf(card, journal.path("authorizations").get(1))).as("approved late, then reversed")
                .isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(coupons.usesHeld(coupon)).isZero();
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "RELEASED");
    }

    @Test
    void twoPaymentsRacingForOneSingleUseCouponApplyItOnce() {
        String card = TestCards.fresh();
        String onlyOnce = coupons.discount(card, "10% off", 1_000);

        ExecutorService tills = Executors.newFixedThreadPool(2);
        CompletableFuture<Reply> first = CompletableFuture.supplyAsync(() -> pay("T-RACE-A", card, 1_000), tills);
        CompletableFuture<Reply> second = CompletableFuture.supplyAsync(() -> pay("T-RACE-B", card, 1_000), tills);
        List<JsonNode> outcomes = List.of(first.join().json(), second.join().json());
        tills.shutdown();

        assertThat(outcomes).extracting(outcome -> outcome.path("result").asString()).containsOnly("APPROVED");
        assertThat(outcomes).filteredOn(outcome -> outcome.path("coupon").path("status").asString().equals("APPLIED")).hasSize(1);
        long charged = outcomes.stream().mapToLong(outcome -> minor(outcome.path("chargedAmount"))).sum();
        assertThat(charged).isEqualTo(900 + 1_000);
        outcomes.forEach(outcome -> awaitBalanced(outcome.path("paymentId").asString()));
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(charged);
        assertThat(coupons.usesHeld(onlyOnce)).isEqualTo(1);
        assertThat(coupons.usage(onlyOnce)).containsExactly("RESERVED", "CONFIRMED");
    }

    @Test
    void paymentsAndTheCouponServerBreakerShowInTheMetrics() {
        pay("T-METRICS-1", TestCards.fresh(), 600);
        String card = TestCards.fresh();
        coupons.discount(card, "10% off for the metrics", 1_000);
        String paymentId = pay("T-METRICS-2", card, 1_000).json().path("paymentId").asString();
        String reservationId = awaitBalanced(paymentId).findValue("reservationId").asString();

        String metrics = ApiCaller.anonymous("http://localhost:" + port).get("/actuator/prometheus").body();
        assertThat(metrics).contains("relay_payments_seconds_count{application=\"settlement-relay\",coupons=\"NONE\",result=\"APPROVED\"")
                .contains("resilience4j_circuitbreaker_state{").contains("name=\"coupon-server\"");
        assertThat(metrics).as("calls to coupon-server are tagged by their path's template, not by each reservation")
                .contains("uri=\"/api/v1/reservations/{reservationId}/confirm\"")
                .doesNotContain(reservationId);
    }

    @Test
    void aTerminalReadsItsOwnPaymentsAndJournalsAndItsMerchantReadsThemTooButNobodyElse() {
        JsonNode outcome = pay("T-READ-1", TestCards.fresh(), 700).json();
        String paymentId = outcome.path("paymentId").asString();

        assertThat(till().get("/api/v1/payments/" + paymentId).json()).isEqualTo(outcome);
        assertThat(till().get("/api/v1/payments?transactionId=T-READ-1").json()).isEqualTo(outcome);
        assertThat(till().get("/api/v1/payments/" + paymentId + "/journal").status()).isEqualTo(200);
        assertThat(merchant(MERCHANT).get("/api/v1/payments/" + paymentId).json()).isEqualTo(outcome);
        assertThat(merchant(MERCHANT).get("/api/v1/payments?terminalId=" + TILL + "&transactionId=T-READ-1").json())
                .isEqualTo(outcome);
        assertThat(merchant(MERCHANT).get("/api/v1/payments/" + paymentId + "/journal").status()).isEqualTo(200);
        assertThat(merchant(MERCHANT).get("/api/v1/payments?transactionId=T-READ-1").code()).isEqualTo("PARAMETER_REQUIRED");

        assertThat(tillAs(OTHER_TILL).get("/api/v1/payments/" + paymentId).code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(tillAs(OTHER_TILL).get("/api/v1/payments/" + paymentId + "/journal").status()).isEqualTo(404);
        assertThat(tillAs(OTHER_TILL).get("/api/v1/payments?terminalId=" + TILL + "&transactionId=T-READ-1").status())
                .isEqualTo(404);
        assertThat(merchant(UUID.randomUUID()).get("/api/v1/payments/" + paymentId).code()).isEqualTo("OTHER_MERCHANT");
        assertThat(merchant(UUID.randomUUID()).get("/api/v1/payments/" + paymentId + "/journal").code()).isEqualTo("OTHER_MERCHANT");
        for (CallerIdentity other : List.of(CallerIdentity.approver("approver-1"), CallerIdentity.consumerChannel("app-1", "MOBILE_APP"),
                new CallerIdentity("admin-1", Role.PLATFORM_ADMIN, null, null, null, null))) {
            ApiCaller caller = ApiCaller.anonymous("http://localhost:" + port).as((method, path) -> signer.sign(other, method, path));
            assertThat(caller.get("/api/v1/payments/" + paymentId).code()).as(other.role().name()).isEqualTo("ROLE_NOT_PERMITTED");
            assertThat(caller.get("/api/v1/payments/" + paymentId + "/journal").code()).isEqualTo("ROLE_NOT_PERMITTED");
        }
    }
}
