package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Many terminals at once on the same coupon: the coupon's uses hold, proven with real threads over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class RedemptionRaceTest {

    private static final int TERMINALS = 50;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UsageMediumTokenizer tokenizer;

    @Autowired
    IdentitySigner signer;

    TillWorld world;
    UUID mart;
    List<Terminal> tills;
    String cardNumber;
    UsageMediumId card;

    @BeforeEach
    void fiftyTerminalsOfOneMerchant() {
        world = new TillWorld(jdbc, tokenizer, signer, port);
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
        assertThat(jdbc.sql("select uses_held from coupon where code = ?").param(code).query(Integer.class).single()).isEqualTo(1);
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
        assertThat(jdbc.sql("select uses_held from coupon where code = ?").param(code).query(Integer.class).single()).isEqualTo(3);
    }

    private List<Reply> race(String path, String code) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TERMINALS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = IntStream.range(0, TERMINALS).mapToObj(i -> pool.submit(() -> {
                Terminal till = tills.get(i);
                Map<String, Object> body = useOf("RACE-" + i, List.of(code), card("CREDIT", cardNumber), till.use(2000));
                start.await();
                return till.api().post(path, body, "race-" + i);
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
