package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.support.RelayTestBase;
import com.cardcoupons.relay.support.TestCards;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim 9's "at the same moment", measured: with 100 ms injected on both the coupon search and the authorization, a
 * payment takes about 100 ms more than without, not the 200 ms more it would take one after the other. Measured
 * against a baseline taken in the same run, so that a busy machine slows both alike. Runs with the production budget
 * of 150 ms, which a 100 ms search fits in. (Throughput and percentiles are the benchmark's business.)
 */
@TestPropertySource(properties = "resilience4j.timelimiter.instances.coupon-search.timeout-duration=150ms")
class ParallelFanOutTest extends RelayTestBase {

    @Test
    void withOneHundredMillisecondsOnBothLegsAPaymentTakesAboutOneHundredMillisecondsMore() {
        medianMillis("T-FAN-OUT-WARM-UP-", new ArrayList<>());
        long baseline = medianMillis("T-FAN-OUT-BASELINE-", new ArrayList<>());

        couponServer.slow(100);
        settlementCenter.slowAuthorizations(100);
        List<String> couponStatuses = new ArrayList<>();
        long withLatency = medianMillis("T-FAN-OUT-", couponStatuses);

        assertThat(couponStatuses).as("the 100 ms search answered within its budget").contains("NONE");
        assertThat(withLatency - baseline).as("added by two 100 ms legs (baseline " + baseline + " ms, with latency "
                + withLatency + " ms)").isBetween(90L, 160L);
    }

    private long medianMillis(String transactionPrefix, List<String> couponStatuses) {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            long started = System.nanoTime();
            JsonNode outcome = pay(transactionPrefix + i, TestCards.fresh(), 1_000).json();
            millis.add((System.nanoTime() - started) / 1_000_000);
            assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
            couponStatuses.add(outcome.path("coupon").path("status").asString());
        }
        return millis.stream().sorted().toList().get(millis.size() / 2);
    }
}
