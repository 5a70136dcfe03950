package com.cardcoupons.relay.payment;

import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.relay.support.CouponServerStandIn;
import com.cardcoupons.relay.support.CouponServerStandIn.StandInCoupon;
import com.cardcoupons.relay.support.StandInTestBase;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupon-server failing in ways the real one cannot be made to, against a stand-in: only its holds fail, or only its
 * confirmations; and exactly what the relay sends it, call by call.
 */
class CouponServerFaultsTest extends StandInTestBase {

    @Test
    void whenTheHoldFailsTheDiscountIsNotAppliedAndTheSecondAuthorizationIsReversed() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("HOLDFAILSAAAAAAA", "10% off", 1_000));
        couponServer.failReservations();

        JsonNode outcome = pay("T-HOLD-FAILS-1", card, 1_000).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_000);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("NOT_APPLIED");
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("COUPON_SERVER_UNAVAILABLE");
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(steps(journal)).contains("COUPON_RESERVATION_FAILED");
        assertThat(journal.path("authorizations")).as("the discounted one went out beside the hold").hasSize(2);
        assertThat(journal.path("authorizations").get(1).path("reversal").asString())
                .as("and is undone: no discount without a hold").isEqualTo("ACKNOWLEDGED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
    }

    @Test
    void aConfirmationCouponServerMissesIsRetriedUntilItLandsUnderTheSameKey() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("CONFIRMLATERAAAA", "10% off", 1_000));
        couponServer.failSettlements();

        Reply reply = pay("T-CONFIRM-LATER-1", card, 1_000);
        JsonNode outcome = reply.json();
        String paymentId = outcome.path("paymentId").asString();
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        sleep(700);
        assertThat(steps(journalOf(paymentId))).contains("COUPON_CONFIRM_FAILED").doesNotContain("COUPON_CONFIRMED");

        couponServer.recover();
        JsonNode journal = awaitBalanced(paymentId);
        assertThat(steps(journal)).contains("COUPON_CONFIRMED");
        assertThat(couponServer.reservationsOf("T-CONFIRM-LATER-1")).singleElement()
                .extracting(CouponServerStandIn.Reservation::state).isEqualTo(ReservationState.CONFIRMED);
        assertThat(couponServer.calls()).filteredOn(call -> call.path().endsWith("/confirm"))
                .extracting(CouponServerStandIn.Call::idempotencyKey).hasSizeGreaterThan(1)
                .containsOnly("relay:" + paymentId + ":confirm");
        assertThat(couponServer.calls()).filteredOn(call -> call.path().endsWith("/confirm"))
                .as("the retries, sent by the poll, still carry the payment's correlation id")
                .extracting(CouponServerStandIn.Call::correlationId).containsOnly(reply.header("X-Correlation-Id"));
    }

    @Test
    void everyCallIsSignedAsTheTerminalCarriesTheCorrelationIdAndAKeyOfThePayment() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("SIGNEDCOUPONAAAA", "5% off", 500));

        Reply reply = pay("T-SIGNED-1", card, 2_000);
        String paymentId = reply.json().path("paymentId").asString();
        awaitBalanced(paymentId);

        String correlationId = reply.header("X-Correlation-Id");
        assertThat(couponServer.calls()).hasSize(3).allSatisfy(call -> {
            assertThat(call.caller()).as("verified identity of " + call.path()).isNotNull();
            assertThat(call.caller().terminalId()).isEqualTo(TILL);
            assertThat(call.caller().principal()).isEqualTo("till-" + TILL);
            assertThat(call.correlationId()).isEqualTo(correlationId);
        });
        String reservation = couponServer.reservationsOf("T-SIGNED-1").get(0).id().toString();
        assertThat(couponServer.calls()).extracting(call -> call.path() + " " + call.idempotencyKey())
                .containsExactlyInAnyOrder("/api/v1/searches null",
                        "/api/v1/reservations relay:" + paymentId + ":reserve",
                        "/api/v1/reservations/" + reservation + "/confirm relay:" + paymentId + ":confirm");
    }
}
