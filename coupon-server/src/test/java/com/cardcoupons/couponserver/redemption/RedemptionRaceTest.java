package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.TillWorld;
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
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
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

/** Many terminals at once on the same coupon: the coupon's uses hold, proven with real threads over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class RedemptionRaceTest {

    private static final int TERMINALS = 50;

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
    String cardNumber;
    UsageMediumId card;

    @BeforeEach
    void fiftyTerminalsOfOneMerchant() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        UUID store = world.store(mart, "SHIBUYA", "5411");
        tills = IntStream.range(0, TERMINALS).mapToObj(i -> world.terminal(mart, store)).toList();
        cardNumber = TillWorld.newVisa();
        card = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(cardNumber));
    }

    @Test
    void fiftyTerminalsRedeemingOneSingleUseCouponAtOnceExactlyOneSucceeds() throws Exception {
        String code = world.coupon(world.campaign(mart).fixed(300).create(), card);

        List<Reply> replies = race("/api/v1/redemptions", code);

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(1);
        List<Reply> refused = replies.stream().filter(reply -> reply.status() != 201).toList();
        assertThat(refused).hasSize(TERMINALS - 1).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
            assertThat(reply.code()).isEqualTo("COUPON_USED_UP");
        });
        assertThat(jdbc.sql(TillWorld.USES_HELD).param(code).query(Integer.class).single()).isEqualTo(1);
        assertThat(count("select count(*) from redemption r join coupon c on c.id = r.coupon_id where c.code = ?", code)).isEqualTo(1);
        assertThat(count("select count(*) from usage_event e join coupon c on c.id = e.coupon_id where c.code = ? and e.type = 'CONFIRMED'", code))
                .isEqualTo(1);
    }

    @Test
    void fiftyTerminalsReservingACouponWithThreeUsesGetExactlyThreeHolds() throws Exception {
        String code = world.coupon(world.campaign(mart).fixed(300).uses(3).create(), card);

        List<Reply> replies = race("/api/v1/reservations", code);

        assertThat(replies).filteredOn(reply -> reply.status() == 201).hasSize(3);
        assertThat(replies).filteredOn(reply -> reply.status() == 409).hasSize(TERMINALS - 3)
                .allSatisfy(reply -> assertThat(reply.code()).isEqualTo("COUPON_USED_UP"));
        assertThat(jdbc.sql(TillWorld.USES_HELD).param(code).query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void confirmationsAndReleasesRacingOnOneHoldSettleItOnce() throws Exception {
        String code = world.coupon(world.campaign(mart).fixed(300).create(), card);
        Terminal till = tills.get(0);
        String id = till.api().post("/api/v1/reservations", useOf("RACE-HOLD", List.of(code), card("CREDIT", cardNumber),
                till.use(2000)), "race-hold").json().path("reservationId").asString();

        List<Reply> replies = inParallel(i -> till.api().post("/api/v1/reservations/" + id
                + (i % 2 == 0 ? "/confirm" : "/release"), null, "race-settle-" + i));

        String state = jdbc.sql("select state from reservation where id = ?::uuid").param(id).query(String.class).single();
        boolean confirmed = state.equals("CONFIRMED");
        assertThat(state).isIn("CONFIRMED", "RELEASED");
        for (int i = 0; i < TERMINALS; i++) {
            Reply reply = replies.get(i);
            boolean confirming = i % 2 == 0;
            if (confirming == confirmed) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
                assertThat(reply.json().path("state").asString()).isEqualTo(state);
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                assertThat(reply.code()).isEqualTo(confirmed ? "RESERVATION_CONFIRMED" : "RESERVATION_NOT_HELD");
            }
        }
        assertThat(jdbc.sql("select state from redemption where reservation_id = ?::uuid").param(id).query(String.class).single())
                .isEqualTo(state);
        assertThat(jdbc.sql(TillWorld.USES_HELD).param(code).query(Integer.class).single())
                .isEqualTo(confirmed ? 1 : 0);
        assertThat(jdbc.sql("select type from usage_event where reservation_id = ?::uuid order by id").param(id)
                .query(String.class).list()).containsExactly("RESERVED", state);
    }

    private List<Reply> race(String path, String code) throws Exception {
        return inParallel(i -> {
            Terminal till = tills.get(i);
            return till.api().post(path, useOf("RACE-" + i, List.of(code), card("CREDIT", cardNumber), till.use(2000)),
                    "race-" + i);
        });
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
                    return future.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, String code) {
        return jdbc.sql(sql).param(code).query(Long.class).single();
    }
}
