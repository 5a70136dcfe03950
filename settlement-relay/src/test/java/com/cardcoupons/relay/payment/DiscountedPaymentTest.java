package com.cardcoupons.relay.payment;

import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.relay.support.CouponServerStandIn;
import com.cardcoupons.relay.support.CouponServerStandIn.StandInCoupon;
import com.cardcoupons.relay.support.RelayTestBase;
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

/** Claims 9 and 19: the discount applied inside the card authorization, and every way it can fall back to full price. */
class DiscountedPaymentTest extends RelayTestBase {

    @Test
    void aDiscountFoundWhileTheFullAmountIsAuthorizedIsChargedByASecondAuthorization() {
        String card = TestCards.fresh();
        StandInCoupon tenPercent = StandInCoupon.discount("SAKURA10OFFAAAAA", "10% off everything", 1_000);
        couponServer.give(card, tenPercent);

        Reply reply = pay("T-DISCOUNT-1", card, 1_000);

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        JsonNode outcome = reply.json();
        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("originalAmount"))).isEqualTo(1_000);
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(900);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        assertThat(outcome.path("coupon").path("applied").get(0).path("code").asString()).isEqualTo("SAKURA10OFFAAAAA");
        assertThat(outcome.path("coupon").path("applied").get(0).path("title").asString()).isEqualTo("10% off everything");
        assertThat(minor(outcome.path("coupon").path("totalDiscount"))).isEqualTo(100);
        assertThat(outcome.path("card").path("lastFour").asString()).isEqualTo(card.substring(12));
        assertThat(outcome.path("receipt").toString()).contains("TOTAL CHARGED", "JPY 900", "-JPY 100", outcome.path("authorizationCode").asString());
        assertThat(reply.body()).doesNotContain(card);

        String paymentId = outcome.path("paymentId").asString();
        JsonNode journal = awaitBalanced(paymentId);
        assertThat(steps(journal)).containsSubsequence("PAYMENT_RECEIVED", "AUTHORIZATION_SENT", "AUTHORIZATION_APPROVED",
                "COUPON_SEARCH_ANSWERED", "COUPON_RESERVED", "AUTHORIZATION_SENT", "AUTHORIZATION_APPROVED",
                "REVERSAL_QUEUED", "PAYMENT_ANSWERED");
        assertThat(steps(journal)).contains("REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED", "COUPON_CONFIRMED");
        assertThat(minor(journal.path("outstanding"))).isEqualTo(900);

        List<String> authorizations = authorizationIds(journal);
        assertThat(journal.path("authorizations").get(1).path("authorizationCode").asString())
                .isEqualTo(outcome.path("authorizationCode").asString());
        assertThat(settlementCenter.stateOf(authorizations.get(0))).isEqualTo("REVERSED");
        assertThat(settlementCenter.stateOf(authorizations.get(1))).isEqualTo("APPROVED");
        assertThat(settlementCenter.held(card, "JPY")).as("what the card really holds").isEqualTo(900);

        assertThat(couponServer.reservationsOf("T-DISCOUNT-1")).singleElement()
                .extracting(CouponServerStandIn.Reservation::state).isEqualTo(ReservationState.CONFIRMED);
        assertThat(tenPercent.usesLeft()).isZero();
    }

    @Test
    void callsToCouponServerAreSignedAsTheTerminalAndCarryTheCorrelationId() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("SIGNEDCOUPONAAAA", "5% off", 500));

        Reply reply = pay("T-SIGNED-1", card, 2_000);
        awaitBalanced(reply.json().path("paymentId").asString());

        String correlationId = reply.header("X-Correlation-Id");
        assertThat(couponServer.calls()).hasSize(3).allSatisfy(call -> {
            assertThat(call.caller()).as("verified identity of " + call.path()).isNotNull();
            assertThat(call.caller().terminalId()).isEqualTo(TILL);
            assertThat(call.caller().principal()).isEqualTo("till-" + TILL);
            assertThat(call.correlationId()).isEqualTo(correlationId);
        });
        assertThat(couponServer.calls()).extracting(CouponServerStandIn.Call::path)
                .containsExactlyInAnyOrder("/api/v1/searches", "/api/v1/reservations",
                        "/api/v1/reservations/" + couponServer.reservationsOf("T-SIGNED-1").get(0).id() + "/confirm");
    }

    @Test
    void withoutADiscountTheFirstAuthorizationStandsAndBenefitsComeBackForTheTerminalToHonour() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.benefit("FREECOFFEEAAAAAA", "Free coffee", "one regular coffee"));

        Reply reply = pay("T-NO-DISCOUNT-1", card, 1_500);

        JsonNode outcome = reply.json();
        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_500);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("NONE");
        assertThat(outcome.path("benefits").get(0).path("code").asString()).isEqualTo("FREECOFFEEAAAAAA");
        assertThat(outcome.path("benefits").get(0).path("grant").asString()).isEqualTo("one regular coffee");
        assertThat(outcome.path("receipt").toString()).contains("Free coffee");

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(authorizationIds(journal)).hasSize(1);
        assertThat(steps(journal)).doesNotContain("REVERSAL_QUEUED", "COUPON_RESERVED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_500);
        assertThat(couponServer.callsTo("/api/v1/reservations")).isZero();
    }

    @Test
    void whenTheDiscountedAuthorizationIsDeclinedTheFullPriceStandsAndTheCouponIsReleased() {
        String card = TestCards.fresh();
        StandInCoupon coupon = StandInCoupon.discount("DECLINEDSECONDAA", "10% off", 1_000);
        couponServer.give(card, coupon);
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
        assertThat(couponServer.reservationsOf("T-SECOND-DECLINED-1")).singleElement()
                .extracting(CouponServerStandIn.Reservation::state).isEqualTo(ReservationState.RELEASED);
        assertThat(coupon.usesLeft()).as("the coupon can be used another time").isEqualTo(1);
    }

    @Test
    void whenTheDiscountedAuthorizationGoesUnansweredItIsReversedAndTheFullPriceStands() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("UNANSWEREDSECOND", "20% off", 2_000));
        settlementCenter.slowAuthorizationsOf(800, 1_500);

        JsonNode outcome = pay("T-SECOND-UNANSWERED-1", card, 1_000).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_000);
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("DISCOUNTED_AUTHORIZATION_UNANSWERED");

        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        List<String> authorizations = authorizationIds(journal);
        assertThat(journal.path("authorizations").get(1).path("answer").asString()).isEqualTo("UNANSWERED");
        assertThat(journal.path("authorizations").get(1).path("reversal").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(settlementCenter.stateOf(authorizations.get(0))).isEqualTo("APPROVED");
        assertThat(settlementCenter.stateOf(authorizations.get(1))).as("approved late, then reversed").isEqualTo("REVERSED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(couponServer.reservationsOf("T-SECOND-UNANSWERED-1")).singleElement()
                .extracting(CouponServerStandIn.Reservation::state).isEqualTo(ReservationState.RELEASED);
    }

    @Test
    void twoPaymentsRacingForOneSingleUseCouponApplyItOnce() {
        String card = TestCards.fresh();
        StandInCoupon onlyOnce = StandInCoupon.discount("RACEDCOUPONAAAAA", "10% off", 1_000);
        couponServer.give(card, onlyOnce);

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
        assertThat(onlyOnce.usesLeft()).isZero();
    }

    @Test
    void paymentsAndTheCouponServerBreakerShowInTheMetrics() {
        pay("T-METRICS-1", TestCards.fresh(), 600);

        String metrics = ApiCaller.anonymous("http://localhost:" + port).get("/actuator/prometheus").body();
        assertThat(metrics).contains("relay_payments_seconds_count{application=\"settlement-relay\",coupons=\"NONE\",result=\"APPROVED\"")
                .contains("resilience4j_circuitbreaker_state{").contains("name=\"coupon-server\"");
    }

    @Test
    void aPaymentsOutcomeCanBeReadAgainByItsIdOrItsTransactionId() {
        String card = TestCards.fresh();
        JsonNode outcome = pay("T-READ-1", card, 700).json();
        String paymentId = outcome.path("paymentId").asString();

        assertThat(till().get("/api/v1/payments/" + paymentId).json()).isEqualTo(outcome);
        assertThat(till().get("/api/v1/payments?transactionId=T-READ-1").json()).isEqualTo(outcome);
        assertThat(merchant(MERCHANT).get("/api/v1/payments/" + paymentId).json()).isEqualTo(outcome);
        assertThat(merchant(UUID.randomUUID()).get("/api/v1/payments/" + paymentId).code()).isEqualTo("OTHER_MERCHANT");
        assertThat(tillAs(OTHER_TILL).get("/api/v1/payments/" + paymentId).code()).isEqualTo("PAYMENT_NOT_FOUND");
        assertThat(tillAs(OTHER_TILL).get("/api/v1/payments/" + paymentId + "/journal").status()).isEqualTo(404);
    }
}
