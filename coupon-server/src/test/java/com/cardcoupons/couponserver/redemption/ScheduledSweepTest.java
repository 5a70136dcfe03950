package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

/** Nobody confirms or releases: the scheduled sweep expires the hold by itself and frees the coupon. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupons.redemption.hold=PT1S", "coupons.redemption.sweep-interval=PT0.2S"})
@IsolatedDatabase
class ScheduledSweepTest {

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    @Test
    void anAbandonedHoldExpiresByItself() throws InterruptedException {
        TillWorld world = TillWorld.of(service);
        UUID mart = world.merchant("Sakura Mart");
        Terminal till = world.terminal(mart, world.store(mart, "SHIBUYA", "5411"));
        String cardNumber = TillWorld.newVisa();
        String code = world.coupon(world.campaign(mart).create(), UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(cardNumber)));
        Reply reserved = till.api().post("/api/v1/reservations",
                useOf("TX-1", List.of(code), card("CREDIT", cardNumber), till.use(2000)), "k-1");
        String id = reserved.json().path("reservationId").asString();

        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!state(id).equals("EXPIRED") && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(state(id)).isEqualTo("EXPIRED");
        assertThat(jdbc.sql(TillWorld.USES_HELD).param(code).query(Integer.class).single()).isZero();
        assertThat(till.api().get("/api/v1/reservations/" + id).json().path("state").asString()).isEqualTo("EXPIRED");
    }

    private String state(String reservationId) {
        return jdbc.sql("select state from reservation where id = ?::uuid").param(reservationId).query(String.class).single();
    }
}
