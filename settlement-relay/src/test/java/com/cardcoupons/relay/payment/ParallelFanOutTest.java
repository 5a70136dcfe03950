package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.support.CouponServerTestBase;
import com.cardcoupons.relay.support.TestCards;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim 9's "at the same moment", measured two ways with 100 ms injected on both the coupon search (a proxy in front
 * of the real coupon-server holds its answers back) and the authorization (the simulator's latency). From outside: a
 * payment takes about 100 ms more than without, not 200 ms more (against a baseline taken in the same run, so a busy
 * machine slows both alike). From the journal: each payment took less than its search and its authorization added
 * up, which only overlapping legs can do. The search budget is 250 ms, so that the real search behind its 100 ms
 * fits on this shared two-core machine; the budget is not what is measured here. (Throughput and percentiles are
 * the benchmark's business.)
 */
@TestPropertySource(properties = "resilience4j.timelimiter.instances.coupon-search.timeout-duration=250ms")
class ParallelFanOutTest extends CouponServerTestBase {

    private static final Pattern SEARCH_MILLIS = Pattern.compile("in (\\d+) ms$|after (\\d+) ms$");

    @Test
    void withOneHundredMillisecondsOnBothLegsAPaymentTakesAboutOneHundredMillisecondsMoreNotTwoHundred() {
        long baseline = median(pay("T-FAN-OUT-BASELINE-", 9));

        couponServerProxy.delay(Duration.ofMillis(100));
        settlementCenter.slowAuthorizations(100);
        List<Paid> paid = pay("T-FAN-OUT-", 9);
        long withLatency = median(paid);

        assertThat(paid).extracting(Paid::couponStatus).as("the 100 ms search answered within its budget").contains("NONE");
        assertThat(withLatency).isGreaterThanOrEqualTo(100);
        assertThat(withLatency - baseline).as("added by two 100 ms legs (baseline " + baseline + " ms, with latency "
                + withLatency + " ms); one after the other would add 200 ms").isLessThan(160);
        for (Paid payment : paid) {
            Legs legs = legsOf(journalOf(payment.paymentId()));
            assertThat(legs.search()).isGreaterThanOrEqualTo(100);
            assertThat(legs.authorization()).isGreaterThanOrEqualTo(100);
            assertThat(legs.total()).as(legs + ": overlapping legs take less than their sum")
                    .isLessThan(legs.search() + legs.authorization() - 50);
        }
    }

    private List<Paid> pay(String transactionPrefix, int count) {
        List<Paid> paid = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            JsonNode outcome = pay(transactionPrefix + i, TestCards.fresh(), 1_000).json();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(outcome.path("result").asString()).isEqualTo("APPROVED");
            paid.add(new Paid(outcome.path("paymentId").asString(), millis, outcome.path("coupon").path("status").asString()));
        }
        return paid;
    }

    private static long median(List<Paid> paid) {
        return paid.stream().map(Paid::millis).sorted().toList().get(paid.size() / 2);
    }

    /** The search's time (as it reported it), the authorization's (sent to answered) and the flow's (sent to answered). */
    private static Legs legsOf(JsonNode journal) {
        Instant sent = null;
        Instant approved = null;
        Instant answered = null;
        long search = -1;
        for (JsonNode entry : journal.path("entries")) {
            Instant at = Instant.parse(entry.path("occurredAt").asString());
            switch (entry.path("step").asString()) {
                case "AUTHORIZATION_SENT" -> sent = at;
                case "AUTHORIZATION_APPROVED" -> approved = at;
                case "PAYMENT_ANSWERED" -> answered = at;
                case "COUPON_SEARCH_ANSWERED", "COUPON_SEARCH_UNAVAILABLE" -> {
                    Matcher millis = SEARCH_MILLIS.matcher(entry.path("detail").asString());
                    assertThat(millis.find()).isTrue();
                    search = Long.parseLong(millis.group(1) != null ? millis.group(1) : millis.group(2));
                }
                default -> {
                }
            }
        }
        return new Legs(search, Duration.between(sent, approved).toMillis(), Duration.between(sent, answered).toMillis());
    }

    private record Paid(String paymentId, long millis, String couponStatus) {
    }

    private record Legs(long search, long authorization, long total) {
    }
}
