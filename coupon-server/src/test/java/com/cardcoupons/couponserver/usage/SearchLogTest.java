package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

/**
 * Searches hand their usage events to the search log and answer at once; the log loses none of them, whether it keeps
 * up, falls behind (a search then appends its own), or is stopped with events still waiting, and a report asking it to
 * catch up does not wait for the writer's linger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coupons.search.log-capacity=2")
@IsolatedDatabase
class SearchLogTest {

    @Autowired
    ApplicationContext service;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    SearchLog searchLog;

    @Autowired
    MeterRegistry meters;

    @Test
    void searchesFindingTheLogFullAppendTheirOwnEventsAndNoneIsLost() throws Exception {
        TillWorld world = TillWorld.of(service);
        UUID mart = world.merchant("Sakura Mart");
        Terminal till = world.terminal(mart, world.store(mart, "SHIBUYA", "5411"));
        int searches = 12;
        ExecutorService terminals = Executors.newFixedThreadPool(searches);
        List<Future<Reply>> replies;
        TestDatabase database = service.getBean(TestDatabase.class);
        try (Connection blocker = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            // the log's writer and any search appending its own events wait on this lock (taken by the table's owner, as
            // coupon-server may only append to it): the log stays full
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("lock table usage_event in exclusive mode");
            replies = IntStream.range(0, searches).mapToObj(i -> terminals.submit(() -> till.api()
                    .post("/api/v1/searches", searchOf(card("CREDIT", TillWorld.newVisa()), till.use(1000), false)))).toList();
            await().atMost(Duration.ofSeconds(30)).until(() -> meters.counter("coupons.search.log.appended-by-search").count() > 0);
            blocker.rollback();
        }
        for (Future<Reply> reply : replies) {
            assertThat(reply.get().status()).isEqualTo(200);
        }
        terminals.shutdown();

        searchLog.flush();

        assertThat(searched(till.terminalId())).isEqualTo(searches);
    }

    @Test
    void whatIsHandedOverIsWrittenWhenTheLogStops() {
        Till till = new Till(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Instant at = Instant.parse("2026-03-10T01:02:03Z");
        IntStream.range(0, 500).forEach(i -> searchLog.append(at, List.of(searchAt(till))));

        searchLog.stop();
        try {
            assertThat(searched(till.terminalId())).isEqualTo(500);
            assertThat(jdbc.sql("select distinct occurred_at = ?::timestamptz from usage_event where terminal_id = ?")
                    .params(at.toString(), till.terminalId()).query(Boolean.class).list()).containsExactly(true);
        } finally {
            searchLog.start();
        }
    }

    @Test
    void aFlushDoesNotWaitForTheLinger() {
        SearchLog lingering = new SearchLog(new UsageLog(jdbc), new SimpleMeterRegistry(), 100, Duration.ofMinutes(5));
        lingering.start();
        try {
            Till till = new Till(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            IntStream.range(0, 3).forEach(i -> lingering.append(Instant.now(), List.of(searchAt(till))));

            assertTimeoutPreemptively(Duration.ofSeconds(30), lingering::flush);

            assertThat(searched(till.terminalId())).isEqualTo(3);
        } finally {
            lingering.stop();
        }
    }

    private static UsageEvent searchAt(Till till) {
        return new UsageEvent(UsageEventType.SEARCHED, null, null, UUID.randomUUID(), null, "s".repeat(43), "CREDIT", null, till,
                Money.of(1000, "JPY"), null, 0);
    }

    private long searched(UUID terminalId) {
        return jdbc.sql("select count(*) from usage_event where type = 'SEARCHED' and terminal_id = ?")
                .param(terminalId).query(Long.class).single();
    }
}
