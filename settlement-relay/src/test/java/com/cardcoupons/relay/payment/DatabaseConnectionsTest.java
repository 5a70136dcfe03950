package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.support.StandInTestBase;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A payment holds a database connection only for the moment of each commit, never while it waits on its
 * counterparts: with two connections in the pool, each given up on after half a second, six payments that all wait
 * 800 ms on the settlement center at the same time all go through. A payment that kept its connection for the whole
 * request would leave the others without one for longer than they wait.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=500"})
class DatabaseConnectionsTest extends StandInTestBase {

    @Test
    void paymentsWaitingOnTheSettlementCenterHoldNoConnection() {
        settlementCenter.slowAuthorizationsOf(1_234, 800);

        ExecutorService tills = Executors.newFixedThreadPool(6);
        List<CompletableFuture<Reply>> running = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> pay("T-POOL-" + i, TestCards.fresh(), 1_234), tills))
                .toList();
        List<Reply> replies = running.stream().map(CompletableFuture::join).toList();
        tills.shutdown();

        assertThat(replies).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.body()).isEqualTo(201);
            assertThat(reply.json().path("result").asString()).isEqualTo("APPROVED");
        });
        replies.forEach(reply -> awaitBalanced(reply.json().path("paymentId").asString()));
    }
}
