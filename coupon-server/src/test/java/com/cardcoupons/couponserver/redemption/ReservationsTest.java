package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.TillWorld;
import com.cardcoupons.couponserver.TillWorld.Terminal;
import com.cardcoupons.couponserver.budget.BudgetCounters;
import com.cardcoupons.couponserver.coupon.CampaignVersions;
import com.cardcoupons.couponserver.coupon.Combination;
import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponEffect;
import com.cardcoupons.couponserver.coupon.CouponMatch;
import com.cardcoupons.couponserver.coupon.CouponsAtTheTill;
import com.cardcoupons.couponserver.coupon.Purchase;
import com.cardcoupons.couponserver.coupon.Store;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.couponserver.usage.UsageEventType;
import com.cardcoupons.model.medium.CardNumber;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The reservations on the schema Flyway built: a new reservation is written with its redemptions, its coupons' uses,
 * its usage events and its call's outcome by one statement, and loads back as it was; its transitions are saved as the
 * aggregate decided them; and the statements that find holds to expire and the one-live-use index work on the rows.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@IsolatedDatabase
@Import({CampaignVersions.class, CouponsAtTheTill.class, BudgetCounters.class, NewReservations.class, Reservations.class})
class ReservationsTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static final Duration HOLD = Duration.ofMinutes(2);

    @Autowired
    Reservations reservations;

    @Autowired
    NewReservations newReservations;

    @Autowired
    CouponsAtTheTill coupons;

    /** The service's own SQL, inside the test's transaction. */
    @Autowired
    JdbcClient jdbc;

    /** The rows another service would have written, committed as the schema's owner. */
    @Autowired
    TestDatabase isolatedTestDatabase;

    Till till;
    CardToken card;
    Combination combination;
    Coupon fixed;
    Coupon coffee;

    @BeforeEach
    void twoCouponsOfACardAtATill() {
        TillWorld world = new TillWorld(isolatedTestDatabase.owner(), new UsageMediumTokenizer("a card token key of the mapping test, 32 bytes or more".getBytes(StandardCharsets.UTF_8)),
                new IdentitySigner("a gateway secret the mapping test never uses".getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC()), 0);
        UUID mart = world.merchant("Sakura Mart");
        UUID shibuya = world.store(mart, "SHIBUYA", "5411");
        Terminal terminal = world.terminal(mart, shibuya);
        till = new Till(mart, shibuya, terminal.terminalId());
        UsageMediumId medium = UsageMediumId.card(MediumType.CREDIT, CardNumber.parse(TillWorld.newVisa()));
        String fixedCode = world.coupon(world.campaign(mart).fixed(300).uses(3).create(), medium);
        String coffeeCode = world.coupon(world.campaign(mart).benefit("FREE_ITEM", "Coffee", 400).uses(3).create(), medium);
        card = coupons.cardsOf(List.of(fixedCode)).get(fixedCode);
        Map<String, Coupon> byCode = coupons.withCodes(card, List.of(fixedCode, coffeeCode), NOW).stream()
                .collect(Collectors.toMap(Coupon::code, coupon -> coupon));
        fixed = byCode.get(fixedCode);
        coffee = byCode.get(coffeeCode);
        Purchase purchase = new Purchase(till, new Store(shibuya, mart, "SHIBUYA", "Shibuya", "5411", ZoneId.of("Asia/Tokyo")),
                Money.of(2000, "JPY"), List.of(), NOW, MediumType.CREDIT, "VISA");
        combination = Combination.of(List.of(new CouponMatch(fixed, CouponEffect.of(fixed, purchase)),
                new CouponMatch(coffee, CouponEffect.of(coffee, purchase))), purchase.amount());
    }

    @Test
    void aHoldIsSavedWithItsRedemptionsAndLoadsBackAsItWas() {
        Reservation held = Reservation.hold(card, till, "TX-1", combination, NOW, HOLD);

        assertThat(add(held)).isEqualTo(NewReservations.Addition.ADDED);

        assertThat(usesHeld(fixed)).isEqualTo(1);
        assertThat(usesHeld(coffee)).isEqualTo(1);
        assertThat(jdbc.sql("select type, coupon_id from usage_event where reservation_id = ? order by id")
                .param(held.id()).query((rs, row) -> tuple(rs.getString(1), rs.getObject(2, UUID.class))).list())
                .containsExactlyInAnyOrder(tuple("RESERVED", fixed.id()), tuple("RESERVED", coffee.id()));
        assertThat(jdbc.sql("select card_token, response_status from coupon_server_idempotency_record where idempotency_key = ?")
                .param("key-" + held.id()).query().singleRow()).as("the call's outcome, with the use, on the card")
                .isEqualTo(Map.of("card_token", card.value(), "response_status", 201));
        Reservation loaded = reservations.find(held.id()).orElseThrow();
        assertThat(loaded.card()).isEqualTo(card);
        assertThat(loaded.till()).isEqualTo(till);
        assertThat(loaded.transactionId()).isEqualTo("TX-1");
        assertThat(loaded.state()).isEqualTo(ReservationState.RESERVED);
        assertThat(loaded.amount()).isEqualTo(Money.of(2000, "JPY"));
        assertThat(loaded.discount()).isEqualTo(Money.of(300, "JPY"));
        assertThat(loaded.createdAt()).isEqualTo(NOW);
        assertThat(loaded.holdUntil()).isEqualTo(NOW.plus(HOLD));
        assertThat(loaded.settledAt()).isNull();
        assertThat(loaded.redemptions()).extracting(Redemption::id, Redemption::couponId, Redemption::campaignId,
                        Redemption::discount, Redemption::state, Redemption::settledAt, Redemption::reversal)
                .containsExactlyInAnyOrder(
                        tuple(redemptionOf(held, fixed).id(), fixed.id(), fixed.campaignId(), Money.of(300, "JPY"),
                                ReservationState.RESERVED, null, null),
                        tuple(redemptionOf(held, coffee).id(), coffee.id(), coffee.campaignId(), Money.of(0, "JPY"),
                                ReservationState.RESERVED, null, null));
    }

    @Test
    void aConfirmedThenPartlyReversedUseIsSavedAsItHappened() {
        Reservation held = Reservation.hold(card, till, "TX-2", combination, NOW, HOLD);
        add(held);

        Instant confirmedAt = NOW.plusSeconds(10);
        Reservation confirming = reservations.lock(held.id()).orElseThrow();
        reservations.save(confirming, confirming.confirm(confirmedAt));
        Instant reversedAt = NOW.plusSeconds(60);
        Reservation reversing = reservations.lock(held.id()).orElseThrow();
        reservations.save(reversing, reversing.reverse(List.of(coffee.id()), ReversalType.REFUND, "returned", reversedAt));

        Reservation loaded = reservations.find(held.id()).orElseThrow();
        assertThat(loaded.state()).isEqualTo(ReservationState.CONFIRMED);
        assertThat(loaded.holdUntil()).isNull();
        assertThat(loaded.settledAt()).isEqualTo(confirmedAt);
        assertThat(loaded.redemptions()).extracting(Redemption::couponId, Redemption::state, Redemption::settledAt,
                        Redemption::reversal)
                .containsExactlyInAnyOrder(
                        tuple(fixed.id(), ReservationState.CONFIRMED, confirmedAt, null),
                        tuple(coffee.id(), ReservationState.REVERSED, confirmedAt,
                                new Redemption.Reversal(ReversalType.REFUND, "returned", reversedAt)));
        assertThat(jdbc.sql("select reversal_type, reversal_reason from redemption where coupon_id = ?")
                .param(coffee.id()).query().singleRow()).isEqualTo(Map.of("reversal_type", "REFUND", "reversal_reason", "returned"));
    }

    @Test
    void holdsThatRanOutAreFoundForTheSweepAndForTheirCoupons() {
        Reservation held = Reservation.hold(card, till, "TX-3", combination, NOW, HOLD);
        add(held);
        Instant runOut = NOW.plus(HOLD);

        assertThat(reservations.dueForExpiry(runOut.minusNanos(1000), 10)).isEmpty();
        assertThat(reservations.dueForExpiry(runOut, 10)).containsExactly(held.id());
        assertThat(reservations.expiredHoldsOf(card, fixed.id(), runOut)).containsExactly(held.id());
        assertThat(reservations.latestOf(till.terminalId(), "TX-3"))
                .hasValueSatisfying(latest -> assertThat(latest.id()).isEqualTo(held.id()));
    }

    @Test
    void aTransactionTakesASecondLiveUseOnlyAfterTheFirstEnded() {
        Reservation first = Reservation.hold(card, till, "TX-4", combination, NOW, HOLD);
        add(first);
        Reservation releasing = reservations.lock(first.id()).orElseThrow();
        reservations.save(releasing, releasing.release(NOW));
        Reservation again = Reservation.hold(card, till, "TX-4", combination, NOW.plusSeconds(1), HOLD);
        assertThat(add(again)).as("the first was released").isEqualTo(NewReservations.Addition.ADDED);

        NewReservations.Addition third = add(Reservation.useNow(card, till, "TX-4", combination, NOW.plusSeconds(2)));
        assertThat(third).as("the second is live").isEqualTo(NewReservations.Addition.TRANSACTION_HAS_USE);
    }

    @Test
    void aSecondUseUnderTheSameKeyRecordsNothing() {
        Reservation first = Reservation.useNow(card, till, "TX-6", combination, NOW);
        add(first);
        Reservation second = Reservation.useNow(card, till, "TX-7", combination, NOW);
        isolatedTestDatabase.owner().sql("insert into coupon_server_idempotency_record (card_token, scope, idempotency_key,"
                + " request_hash, response_status, response_body) values (?, 'coupon-server:TERMINAL:test', ?, 'another hash', 201, '')")
                .params(card.value(), "key-" + second.id()).update();

        assertThat(add(second)).isEqualTo(NewReservations.Addition.KEY_TAKEN);
        assertThat(jdbc.sql("select count(*) from reservation where transaction_id = 'TX-7'").query(Long.class).single()).isZero();
        assertThat(usesHeld(fixed)).as("only the first use's").isEqualTo(1);
    }

    /** Outside the test's transaction: the refused statement aborts the transaction it runs in, as it commits alone in use. */
    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aUseTakesAUseOfEveryCouponOrRecordsNothing() {
        isolatedTestDatabase.owner().sql(TillWorld.USE_UP).param(coffeeCode()).update();

        assertThat(add(Reservation.useNow(card, till, "TX-5", combination, NOW))).isEqualTo(NewReservations.Addition.NO_USE_FREE);
        assertThat(usesHeld(fixed)).as("the coupon with a use free gives none either").isZero();
        assertThat(jdbc.sql("select count(*) from reservation where transaction_id = 'TX-5'").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from redemption where coupon_id in (?, ?)").params(fixed.id(), coffee.id())
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from usage_event where coupon_id in (?, ?) and type = 'CONFIRMED'").params(fixed.id(), coffee.id())
                .query(Long.class).single()).isZero();
    }

    private NewReservations.Addition add(Reservation reservation) {
        Map<UUID, RedeemedCouponRef> used = Map.of(fixed.id(), RedeemedCouponRef.of(fixed), coffee.id(), RedeemedCouponRef.of(coffee));
        UsageEventType type = reservation.state() == ReservationState.CONFIRMED ? UsageEventType.CONFIRMED : UsageEventType.RESERVED;
        return newReservations.add(reservation, RedeemedCouponRef.budgetClaims(reservation.redemptions(), used),
                RedemptionEvents.of(type, reservation, reservation.redemptions(), used),
                List.of("coupon-server:TERMINAL:test", "key-" + reservation.id(), "a request hash", 201, "application/json",
                        "/api/v1/reservations/" + reservation.id(), "{}".getBytes(StandardCharsets.UTF_8))).addition();
    }

    private int usesHeld(Coupon coupon) {
        return jdbc.sql(TillWorld.USES_HELD).param(coupon.code()).query(Integer.class).single();
    }

    private String coffeeCode() {
        return coffee.code();
    }

    private static Redemption redemptionOf(Reservation reservation, Coupon coupon) {
        return reservation.redemptions().stream().filter(redemption -> redemption.couponId().equals(coupon.id()))
                .findFirst().orElseThrow();
    }
}
