package com.cardcoupons.couponserver.budget;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Campaign;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 64 terminals at once, each using a coupon of the same campaign on a card of its own, against a budget: the budget
 * is never exceeded, and while coupons remain it is never left unused by more than one use's amount. Real threads
 * over real HTTP on real PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class BudgetRaceTest {

    private static final int TERMINALS = 64;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    TillWorld world;
    UUID mart;
    List<Terminal> tills;

    @BeforeEach
    void sixtyFourTerminalsOfOneMerchant() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        UUID store = world.store(mart, "SHIBUYA", "5411");
        tills = IntStream.range(0, TERMINALS).mapToObj(i -> world.terminal(mart, store)).toList();
    }

    @Test
    void sixtyFourTerminalsAgainstADailyLimitOfTenUsesGetExactlyTen() throws Exception {
        int limit = 10;
        Campaign campaign = world.campaign(mart).fixed(300).budget(null, limit, null, null, null, null, null).create();
        List<Holder> holders = holders(campaign);

        List<Reply> replies = inParallel(i -> holders.get(i).use(tills.get(i), 2000));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(limit);
        assertThat(replies).filteredOn(reply -> reply.status() != 201).hasSize(TERMINALS - limit)
                .allSatisfy(reply -> {
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                    assertThat(reply.code()).isEqualTo("DAILY_LIMIT_REACHED");
                });
        assertThat(usesCounted(campaign, "DAY")).isEqualTo(limit);
        assertThat(redemptions(campaign)).isEqualTo(limit);
        assertThat(exhaustions(campaign)).as("one exhaustion of the day, by one of the uses granted")
                .containsExactly("DAILY_LIMIT_REACHED");
    }

    @Test
    void sixtyFourTerminalsAgainstABudgetOfYenNeverOverspendAndLeaveLessThanOneUse() throws Exception {
        long budget = 5_000;
        Campaign campaign = world.campaign(mart).percentage(1000, null).budget(budget, null, null, null, null, null, null).create();
        List<Holder> holders = holders(campaign);
        // 10% of 1,000 to 1,630 yen: discounts of 100 to 163 yen, so about 38 of the 64 uses fit
        IntFunction<Long> amount = i -> 1_000L + 10L * i;

        List<Reply> replies = inParallel(i -> holders.get(i).use(tills.get(i), amount.apply(i)));

        long granted = 0;
        long smallestRefused = Long.MAX_VALUE;
        for (int i = 0; i < TERMINALS; i++) {
            Reply reply = replies.get(i);
            long discount = amount.apply(i) / 10;
            if (reply.status() == 201) {
                assertThat(reply.json().path("totalDiscount").path("amountMinor").asLong()).isEqualTo(discount);
                granted += discount;
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                assertThat(reply.code()).isEqualTo("CAMPAIGN_BUDGET_EXHAUSTED");
                smallestRefused = Math.min(smallestRefused, discount);
            }
        }
        assertThat(granted).as("never exceeded").isLessThanOrEqualTo(budget);
        assertThat(smallestRefused).as("some uses were refused").isLessThan(Long.MAX_VALUE);
        assertThat(budget - granted).as("what is left fits none of the uses refused").isLessThan(smallestRefused);
        assertThat(jdbc.sql("select spent_minor from campaign_budget_count where campaign_id = ? and period = 'TOTAL'")
                .param(campaign.id()).query(Long.class).single()).isEqualTo(granted);
        assertThat(jdbc.sql("select coalesce(sum(discount_minor), 0) from redemption where campaign_id = ?")
                .param(campaign.id()).query(Long.class).single()).isEqualTo(granted);
        // discounts differ: the budget ran out only if a use left less than its own discount, and then once, though
        // smaller uses may still have fitted after it
        assertThat(exhaustions(campaign)).hasSizeLessThanOrEqualTo(1).allMatch("CAMPAIGN_BUDGET_EXHAUSTED"::equals);
    }

    @Test
    void sixtyFourTerminalsRunningOutTheDayAndTheBudgetWithOneUseRecordEachExactlyOnce() throws Exception {
        Campaign campaign = world.campaign(mart).fixed(300).budget(3_000L, 10, null, null, null, null, null).create();
        List<Holder> holders = holders(campaign);

        List<Reply> replies = inParallel(i -> holders.get(i).use(tills.get(i), 2000));

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(10);
        assertThat(exhaustions(campaign)).containsExactlyInAnyOrder("DAILY_LIMIT_REACHED", "CAMPAIGN_BUDGET_EXHAUSTED");
        assertThat(jdbc.sql("""
                        select count(distinct e.reservation_id) from usage_event e
                          join reservation r on r.id = e.reservation_id and r.state = 'CONFIRMED'
                         where e.type = 'BUDGET_EXHAUSTED' and e.campaign_id = ?""")
                .param(campaign.id()).query(Long.class).single()).as("both by the one use that took the last room").isEqualTo(1);
    }

    /** The campaign's budget exhaustions in the usage log, each as its limit's code. */
    private List<String> exhaustions(Campaign campaign) {
        return jdbc.sql("select budget_limit from usage_event where type = 'BUDGET_EXHAUSTED' and campaign_id = ?")
                .param(campaign.id()).query(String.class).list();
    }

    @Test
    void usesAndReversalsRacingKeepTheCountEqualToTheUsesThatStand() throws Exception {
        int limit = 20;
        Campaign campaign = world.campaign(mart).fixed(100).budget(2_000L, limit, null, null, null, null, null).create();
        List<Holder> holders = holders(campaign);
        List<String> firstUses = IntStream.range(0, limit).mapToObj(i -> holders.get(i).use(tills.get(i), 2000))
                .map(reply -> reply.json().path("reservationId").asString()).toList();

        List<Reply> replies = inParallel(i -> i < limit
                ? tills.get(i).api().post("/api/v1/reservations/" + firstUses.get(i) + "/reversal",
                        java.util.Map.of("type", "REFUND", "reason", "returned"), "reverse-" + i)
                : holders.get(i).use(tills.get(i), 2000));

        long standing = replies.stream().skip(limit).filter(reply -> reply.status() == 201).count();
        assertThat(replies.subList(0, limit)).allSatisfy(reply -> assertThat(reply.status()).as(reply.toString()).isEqualTo(200));
        assertThat(standing).isLessThanOrEqualTo(limit);
        assertThat(usesCounted(campaign, "DAY")).isEqualTo(standing);
        assertThat(jdbc.sql("select spent_minor from campaign_budget_count where campaign_id = ? and period = 'TOTAL'")
                .param(campaign.id()).query(Long.class).single()).isEqualTo(standing * 100);
        assertThat(jdbc.sql("select count(*) from redemption where campaign_id = ? and state = 'CONFIRMED'")
                .param(campaign.id()).query(Long.class).single()).isEqualTo(standing);
    }

    private List<Holder> holders(Campaign campaign) {
        return IntStream.range(0, TERMINALS).mapToObj(i -> new Holder(campaign)).toList();
    }

    private long usesCounted(Campaign campaign, String period) {
        return jdbc.sql("select uses from campaign_budget_count where campaign_id = ? and period = ?")
                .params(campaign.id(), period).query(Long.class).single();
    }

    private long redemptions(Campaign campaign) {
        return jdbc.sql("select count(*) from redemption where campaign_id = ?").param(campaign.id()).query(Long.class).single();
    }

    /** A card of its own with one coupon of the campaign. */
    private final class Holder {

        final String number = TillWorld.newVisa();
        final String code;

        Holder(Campaign campaign) {
            code = world.coupon(campaign, UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(number)));
        }

        Reply use(Terminal till, long amount) {
            return till.api().post("/api/v1/redemptions", useOf("RACE-" + code, List.of(code), card("CREDIT", number),
                    till.use(amount)), "race-" + code);
        }
    }

    /** Sends {@code TERMINALS} calls at once, released together; the replies in the calls' order. */
    private List<Reply> inParallel(IntFunction<Reply> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TERMINALS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = IntStream.range(0, TERMINALS).mapToObj(i -> pool.submit(() -> {
                start.await();
                return call.apply(i);
            })).toList();
            start.countDown();
            return futures.stream().map(future -> {
                try {
                    return future.get(120, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
