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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.couponserver.TillWorld.card;
import static com.cardcoupons.couponserver.TillWorld.searchOf;
import static com.cardcoupons.couponserver.TillWorld.useOf;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds of one second and a sweep that never runs by itself here, so each test decides when the sweep runs: what a
 * run-out hold does before it (nothing that blocks) and after it (nothing at all).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"coupons.redemption.hold=PT1S", "coupons.redemption.sweep-interval=PT1H"})
@IsolatedDatabase
class HoldExpiryTest {

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    ApplicationContext service;

    @Autowired
    HoldExpiry holdExpiry;

    TillWorld world;
    UUID mart;
    Terminal till;
    String cardNumber;
    Map<String, Object> presented;
    String code;

    @BeforeEach
    void aSingleUseCoupon() {
        world = TillWorld.of(service);
        mart = world.merchant("Sakura Mart");
        till = world.terminal(mart, world.store(mart, "SHIBUYA", "5411"));
        cardNumber = TillWorld.newVisa();
        presented = card("CREDIT", cardNumber);
        code = world.coupon(world.campaign(mart).fixed(300).create(),
                UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(cardNumber)));
    }

    @Test
    void aHoldThatRanOutCannotBeConfirmed() throws InterruptedException {
        String id = reserve("TX-1", "k-1");
        Thread.sleep(1_200);

        Reply confirm = till.api().post("/api/v1/reservations/" + id + "/confirm", null, "k-1-confirm");

        assertThat(confirm.status()).isEqualTo(409);
        assertThat(confirm.code()).isEqualTo("RESERVATION_EXPIRED");
    }

    @Test
    void aHoldThatRanOutNeverBlocksANewUseEvenBeforeTheSweep() throws InterruptedException {
        String stale = reserve("TX-2", "k-2");
        Thread.sleep(1_200);

        Reply search = till.api().post("/api/v1/searches", searchOf(presented, till.use(2000), false));
        assertThat(search.json().path("usable")).as("offered again").hasSize(1);
        assertThat(search.json().path("usable").get(0).path("usesLeft").asInt()).isEqualTo(1);

        Reply used = till.api().post("/api/v1/redemptions", useOf("TX-3", List.of(code), presented, till.use(2000)), "k-3");

        assertThat(used.status()).as(used.toString()).isEqualTo(201);
        assertThat(state(stale)).as("the run-out hold was expired on the way").isEqualTo("EXPIRED");
        assertThat(usesHeld()).isEqualTo(1);
        assertThat(events(stale)).containsExactly("RESERVED", "EXPIRED");
    }

    @Test
    void theSweepExpiresRunOutHoldsAndFreesTheirCoupons() throws InterruptedException {
        String stale = reserve("TX-4", "k-4");
        Thread.sleep(1_200);
        String otherCode = world.coupon(world.campaign(mart).create(),
                UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(cardNumber)));
        String fresh = till.api().post("/api/v1/reservations", useOf("TX-5", List.of(otherCode), presented, till.use(2000)), "k-5")
                .json().path("reservationId").asString();

        // as of the moment the second hold began: the first had run out, the second runs, however slow this machine
        Instant sweptAt = jdbc.sql("select created_at from reservation where id = ?::uuid").param(fresh)
                .query(java.time.OffsetDateTime.class).single().toInstant();
        holdExpiry.expireDue(sweptAt);

        assertThat(state(stale)).isEqualTo("EXPIRED");
        assertThat(state(fresh)).as("a hold still running is left alone").isEqualTo("RESERVED");
        assertThat(usesHeld()).isZero();
        assertThat(jdbc.sql("select state from redemption where reservation_id = ?::uuid").param(stale).query(String.class).single())
                .isEqualTo("EXPIRED");
        assertThat(events(stale)).containsExactly("RESERVED", "EXPIRED");
        Reply release = till.api().post("/api/v1/reservations/" + stale + "/release", null, "k-4-release");
        assertThat(release.json().path("state").asString()).as("releasing an expired hold changes nothing").isEqualTo("EXPIRED");
        assertThat(usesHeld()).isZero();
    }

    private String reserve(String transactionId, String key) {
        Reply reply = till.api().post("/api/v1/reservations", useOf(transactionId, List.of(code), presented, till.use(2000)), key);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().path("reservationId").asString();
    }

    private String state(String reservationId) {
        return jdbc.sql("select state from reservation where id = ?::uuid").param(reservationId).query(String.class).single();
    }

    private int usesHeld() {
        return jdbc.sql(TillWorld.USES_HELD).param(code).query(Integer.class).single();
    }

    private List<String> events(String reservationId) {
        return jdbc.sql("select type from usage_event where reservation_id = ?::uuid order by id")
                .param(reservationId).query(String.class).list();
    }
}
