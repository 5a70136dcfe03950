package com.cardcoupons.registration.acquisition;

import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Consumers racing for the last coupons: threads released at once, each over its own HTTP request. */
class AcquisitionRaceTest extends RegistrationApiTest {

    private static final int THREADS = 50;

    @Test
    void fiftyCardsRacingForTenCouponsGetExactlyTen() {
        UUID id = approved(TermsJson.discount().set("totalCap", 10).set("perCardLimit", 1), null);

        List<Reply> replies = race(i -> Map.of("campaignId", id, "medium", credit(card(i))));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(10);
        assertThat(replies).filteredOn(reply -> reply.status() != 201)
                .hasSize(40)
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("CAMPAIGN_CAP_EXHAUSTED"));
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isEqualTo(10);
        assertThat(count("select count(distinct code) from coupon where campaign_id = ?", id)).isEqualTo(10);
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id)).isEqualTo(10);
        assertThat(count("select count(*) from campaign_card_holding where campaign_id = ?", id)).isEqualTo(10);
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isEqualTo(10);
    }

    @Test
    void fiftyRequestsOnOneCardGetExactlyItsLimit() {
        UUID id = approved(TermsJson.discount().remove("totalCap").set("perCardLimit", 3), null);

        List<Reply> replies = race(i -> Map.of("campaignId", id, "medium", credit(VISA)));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(3);
        assertThat(replies).filteredOn(reply -> reply.status() != 201)
                .hasSize(47)
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("PER_CARD_LIMIT_REACHED"));
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isEqualTo(3);
        assertThat(count("select acquired from campaign_card_holding where campaign_id = ?", id)).isEqualTo(3);
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id))
                .as("refused acquisitions leave the campaign's count untouched").isEqualTo(3);
    }

    @Test
    void fiveCardsRacingTenTimesEachHoldBothLimitsAtOnce() {
        UUID id = approved(TermsJson.discount().set("totalCap", 8).set("perCardLimit", 2), null);

        List<Reply> replies = race(i -> Map.of("campaignId", id, "medium", credit(card(i % 5))));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(8);
        assertThat(count("select count(*) from coupon where campaign_id = ?", id)).isEqualTo(8);
        assertThat(count("select max(acquired) from campaign_card_holding where campaign_id = ?", id)).isLessThanOrEqualTo(2);
        assertThat(count("select count(*) from (select card_token from coupon where campaign_id = ? group by card_token having count(*) > 2) over", id))
                .isZero();
        assertThat(count("select coalesce(max(acquired_count), 0) from campaign_issue where campaign_id = ?", id)).isEqualTo(8);
    }

    /** Fifty acquisitions, each with its own Idempotency-Key, released together. */
    private List<Reply> race(IntFunction<Map<String, Object>> body) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = IntStream.range(0, THREADS).<Callable<Reply>>mapToObj(i -> () -> {
                start.await();
                return app.post("/api/v1/acquisitions", body.apply(i), key());
            }).map(pool::submit).toList();
            start.countDown();
            return futures.stream().map(AcquisitionRaceTest::await).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static String card(int i) {
        return withCheckDigit("400000000000%03d".formatted(i));
    }

    private static Reply await(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
