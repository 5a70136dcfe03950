package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.support.CouponServerTestBase;
import com.cardcoupons.relay.support.TestCards;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A coupon outage never blocks a payment: with the real coupon-server down, slow or dropping connections (a proxy in
 * front of it makes it so), the payment goes ahead at full price, marked "coupon unavailable", and no coupon is held;
 * after repeated failures the circuit breaker stops asking coupon-server for a while. The search runs with a 300 ms
 * budget on a warmed-up relay: the production 150 ms leaves this shared two-core test machine too little room for
 * its pauses. A search answering late is not applied here (no late-coupon window): that is {@code LateCouponTest}'s.
 */
@TestPropertySource(properties = {
        "resilience4j.timelimiter.instances.coupon-search.timeout-duration=300ms",
        "relay.payment.late-coupon-window=0ms",
        "resilience4j.circuitbreaker.instances.coupon-server.sliding-window-size=4",
        "resilience4j.circuitbreaker.instances.coupon-server.minimum-number-of-calls=4",
        "resilience4j.circuitbreaker.instances.coupon-server.wait-duration-in-open-state=1s"})
class CouponOutageTest extends CouponServerTestBase {

    @Test
    void withCouponServerDownThePaymentGoesAheadAtFullPriceMarkedUnavailable() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);
        couponServerProxy.down();

        JsonNode outcome = pay("T-COUPONS-DOWN-1", card, 1_000).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_000);
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("COUPON_SERVER_UNAVAILABLE");
        assertThat(outcome.path("message").asString()).contains("coupons were unavailable");
        assertThat(outcome.path("receipt").toString()).contains("COUPONS UNAVAILABLE");
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(steps(journal)).contains("COUPON_SEARCH_UNAVAILABLE");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(coupons.searchesFor(card)).as("no search reached coupon-server").isZero();
        assertThat(coupons.usesHeld(coupon)).isZero();
        assertThat(coupons.usage(coupon)).isEmpty();
    }

    @Test
    void withCouponServerSlowTheBudgetEndsTheWaitAndThePaymentDoesNotWaitForTheSearch() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);
        couponServerProxy.delay(Duration.ofMillis(1_000));

        long started = System.nanoTime();
        JsonNode outcome = pay("T-COUPONS-SLOW-1", card, 1_000).json();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("UNAVAILABLE");
        assertThat(outcome.path("coupon").path("reason").asString()).isEqualTo("COUPON_SEARCH_TIMED_OUT");
        assertThat(minor(outcome.path("chargedAmount"))).isEqualTo(1_000);
        assertThat(millis).as("the payment is answered near the 300 ms budget, not after the 1 s search").isLessThan(900);
        JsonNode journal = awaitBalanced(outcome.path("paymentId").asString());
        assertThat(journal.path("entries").valueStream()
                .filter(entry -> entry.path("step").asString().equals("COUPON_SEARCH_UNAVAILABLE"))
                .findFirst().orElseThrow().path("detail").asString()).matches("COUPON_SEARCH_TIMED_OUT after 3[0-9][0-9] ms");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(coupons.searchesFor(card)).as("coupon-server searched; its answer came too late").isEqualTo(1);
        assertThat(coupons.usesHeld(coupon)).isZero();
        assertThat(coupons.usage(coupon)).isEmpty();
    }

    @Test
    void withCouponServerDroppingConnectionsThePaymentGoesAheadAtFullPrice() {
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);
        couponServerProxy.dropConnections();

        JsonNode outcome = pay("T-COUPONS-DROPPED-1", card, 800).json();

        assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
        assertThat(outcome.path("coupon").path("status").asString()).isEqualTo("UNAVAILABLE");
        awaitBalanced(outcome.path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(800);
        assertThat(coupons.usesHeld(coupon)).isZero();
    }

    @Test
    void afterRepeatedFailuresTheCircuitOpensAndCouponServerIsLeftAloneUntilItMayHaveRecovered() {
        couponServerProxy.down();
        for (int i = 0; i < 4; i++) {
            pay("T-BREAKER-" + i, TestCards.fresh(), 500);
        }
        couponServerProxy.recover();
        String card = TestCards.fresh();
        String coupon = coupons.discount(card, "10% off", 1_000);

        JsonNode whileOpen = pay("T-BREAKER-OPEN", card, 500).json();

        assertThat(whileOpen.path("coupon").path("reason").asString()).isEqualTo("COUPON_SERVER_CIRCUIT_OPEN");
        assertThat(whileOpen.path("result").asString()).isEqualTo("APPROVED");
        assertThat(coupons.searchesFor(card)).as("coupon-server, up again, was not asked").isZero();

        sleep(1_200);
        JsonNode recovered = pay("T-BREAKER-RECOVERED", card, 500).json();
        assertThat(recovered.path("coupon").path("status").asString()).isEqualTo("APPLIED");
        awaitBalanced(recovered.path("paymentId").asString());
        assertThat(coupons.usesHeld(coupon)).isEqualTo(1);
        assertThat(coupons.usage(coupon)).containsExactly("RESERVED", "CONFIRMED");
    }
}
