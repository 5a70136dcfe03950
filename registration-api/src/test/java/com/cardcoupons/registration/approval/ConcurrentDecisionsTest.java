package com.cardcoupons.registration.approval;

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

/** Approval steps on one campaign happen one after the other, however many arrive at once. */
class ConcurrentDecisionsTest extends RegistrationApiTest {

    private static final int THREADS = 20;

    @Test
    void approversRacingToDecideOnOneVersionDecideItOnce() {
        UUID id = submitted(TermsJson.discount(), null);

        List<Reply> replies = race(i -> i % 2 == 0
                ? (i % 4 == 0 ? alice : bob).post("/api/v1/campaigns/" + id + "/approve", Map.of("version", 1), key())
                : (i % 4 == 1 ? alice : bob).post("/api/v1/campaigns/" + id + "/reject", Map.of("version", 1, "reason", "no"), key()));

        assertThat(replies).filteredOn(reply -> reply.status() == 200).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 200)
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("VERSION_NOT_PENDING"));
        assertThat(count("select count(*) from campaign_transition where campaign_id = ? and action in ('APPROVED', 'REJECTED')", id))
                .isEqualTo(1);
    }

    @Test
    void merchantsRacingForOneShortCodeGetItOnce() {
        List<Reply> replies = race(i -> (i % 2 == 0 ? sakura : harbor)
                .post("/api/v1/campaigns", TermsJson.discount().submission("RACE24"), key()));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        assertThat(replies).filteredOn(reply -> reply.status() != 201)
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("SHORT_CODE_TAKEN"));
        assertThat(count("select count(*) from campaign where short_code = 'RACE24'")).isEqualTo(1);
        assertThat(count("select count(*) from campaign_version v join campaign c on c.id = v.campaign_id where c.short_code = 'RACE24'"))
                .isEqualTo(1);
    }

    @Test
    void editsRacingEachOtherLeaveExactlyOneVersionPending() {
        UUID id = approved(TermsJson.discount(), null);

        race(i -> sakura.post("/api/v1/campaigns/" + id + "/versions",
                Map.of("terms", TermsJson.discount().set("discount.basisPoints", 100 + i).json()), key()));

        assertThat(count("select count(*) from campaign_version where campaign_id = ?", id)).isEqualTo(THREADS + 1);
        assertThat(count("select count(*) from campaign_version where campaign_id = ? and approval_state = 'PENDING_APPROVAL'", id))
                .isEqualTo(1);
        assertThat(count("select count(*) from campaign_version where campaign_id = ? and approval_state = 'WITHDRAWN'", id))
                .isEqualTo(THREADS - 1);
        assertThat(count("select live_version from campaign where id = ?", id)).isEqualTo(1);
    }

    private List<Reply> race(IntFunction<Reply> call) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = IntStream.range(0, THREADS).<Callable<Reply>>mapToObj(i -> () -> {
                start.await();
                return call.apply(i);
            }).map(pool::submit).toList();
            start.countDown();
            return futures.stream().map(ConcurrentDecisionsTest::await).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static Reply await(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
