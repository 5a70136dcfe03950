package com.cardcoupons.relay.payment;

import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.relay.support.CouponServerStandIn;
import com.cardcoupons.relay.support.CouponServerStandIn.StandInCoupon;
import com.cardcoupons.relay.support.StandInTestBase;
import com.cardcoupons.relay.support.TestCards;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * A discount that lands after the payment was approved at full price, every branch of its state machine
 * (docs/settlement-relay.md, "Late coupons"): the coupon search answers after its 200 ms budget, within the 1.5 s
 * window or after it. Each test ends with the card holding exactly the amount the payment's status shows, and the
 * coupon confirmed only when the discount was applied. Holds may take 3 s here, so that one can outlast the window.
 */
@TestPropertySource(properties = {
        "resilience4j.timelimiter.instances.coupon-search.timeout-duration=200ms",
        "relay.payment.late-coupon-window=1500ms",
        "relay.coupon-server.search-read-timeout=3s",
        "relay.coupon-server.reservation-timeout=3s"})
class LateCouponTest extends StandInTestBase {

    @Autowired
    private TestDatabase database;

    @Test
    void aDiscountFoundAfterTheApprovalLowersTheAuthorizationWithAPartialReversalAndConfirmsTheCoupon() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATETENPERCENT01", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));

        JsonNode answer = pay("T-LATE-APPLIED", card, 1_000).json();

        assertThat(answer.path("result").asString()).isEqualTo("APPROVED");
        assertThat(minor(answer.path("chargedAmount"))).as("approved at full price at once").isEqualTo(1_000);
        assertThat(answer.path("coupon").path("reason").asString()).isEqualTo("COUPON_SEARCH_TIMED_OUT");
        JsonNode late = awaitLateCoupon(answer, "APPLIED");
        assertThat(minor(late.path("heldAmount"))).isEqualTo(900);
        assertThat(minor(late.path("totalDiscount"))).isEqualTo(100);
        assertThat(late.path("applied").get(0).path("code").asString()).isEqualTo("LATETENPERCENT01");
        JsonNode journal = awaitBalanced(answer.path("paymentId").asString());
        assertThat(steps(journal)).containsSubsequence("PAYMENT_ANSWERED", "COUPON_SEARCH_ANSWERED", "COUPON_RESERVED",
                "REVERSAL_QUEUED", "REVERSAL_SENT", "REVERSAL_ACKNOWLEDGED", "LATE_COUPON_APPLIED", "COUPON_CONFIRMED");
        assertThat(journal.findValues("detail").stream().map(JsonNode::asString)).contains("0400, attempt 1");
        assertThat(minor(journal.path("outstanding"))).isEqualTo(900);
        assertThat(settlementCenter.held(card, "JPY")).as("the card holds the discounted price").isEqualTo(900);
        assertThat(reservation("T-LATE-APPLIED")).isEqualTo(ReservationState.CONFIRMED);
    }

    @Test
    void aPartialReversalLeftUnansweredGoesOnAsAnAdviceAndTheDiscountStillLands() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEADVICE000001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        settlementCenter.inject(Map.of("operation", "REVERSE", "effect", "IGNORE", "times", 1));

        JsonNode answer = pay("T-LATE-ADVICE", card, 2_000).json();

        awaitLateCoupon(answer, "APPLIED");
        JsonNode journal = awaitBalanced(answer.path("paymentId").asString());
        assertThat(journal.findValues("detail").stream().map(JsonNode::asString)).contains("0400, attempt 1", "0420, attempt 2");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_800);
        assertThat(reservation("T-LATE-ADVICE")).isEqualTo(ReservationState.CONFIRMED);
    }

    @Test
    void aPartialReversalRefusedLeavesTheFullAmountAndReleasesTheCoupon() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEREFUSED00001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        settlementCenter.inject(Map.of("operation", "REVERSE", "responseCode", "13", "times", 1));

        JsonNode answer = pay("T-LATE-REFUSED", card, 1_000).json();

        JsonNode late = awaitLateCoupon(answer, "NOT_APPLIED");
        assertThat(late.path("reason").asString()).isEqualTo("PARTIAL_REVERSAL_REFUSED");
        assertThat(minor(late.path("heldAmount"))).isEqualTo(1_000);
        awaitBalanced(answer.path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(reservation("T-LATE-REFUSED")).as("never held and charged in full").isEqualTo(ReservationState.RELEASED);
    }

    /**
     * A partial reversal's outcome changes its payment and the payment's coupon follow-up, so it locks the payment's
     * row before the reversal's, as every step of a payment does. Here another transaction, on a connection of its own,
     * holds the payment while the settlement center acknowledges the reversal: the outcome waits for the payment holding
     * no follow-up's row, so that transaction takes the reversal's row at once ({@code nowait}). Locking the reversal
     * first, as the outcome once did, fails this with SQLSTATE 55P03; had that transaction waited instead, PostgreSQL
     * would have aborted one of the two with 40P01.
     */
    @Test
    void aPartialReversalsOutcomeLocksThePaymentBeforeTheReversal() throws SQLException {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATELOCKORDER001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        settlementCenter.inject(Map.of("operation", "REVERSE", "latencyMs", 2_000, "times", 1));

        JsonNode answer = pay("T-LATE-LOCK-ORDER", card, 1_000).json();
        awaitLateCoupon(answer, "PENDING");
        UUID paymentId = UUID.fromString(answer.path("paymentId").asString());
        UUID reversal = jdbc.sql("select id from settlement_outbox where payment_id = ? and replacement_minor is not null")
                .param(paymentId).query(UUID.class).single();

        try (Connection other = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            other.setAutoCommit(false);
            lockRow(other, "select id from payment where id = ? for no key update", paymentId);
            awaitWaitingFor(other);
            assertThatCode(() -> lockRow(other, "select id from settlement_outbox where id = ? for update nowait", reversal))
                    .as("the outcome waits for the payment before it locks the reversal").doesNotThrowAnyException();
            other.rollback();
        }

        JsonNode late = awaitLateCoupon(answer, "APPLIED");
        assertThat(minor(late.path("heldAmount"))).isEqualTo(900);
        JsonNode journal = awaitBalanced(paymentId.toString());
        assertThat(steps(journal).stream().filter("REVERSAL_ACKNOWLEDGED"::equals)).as("acknowledged once, at once")
                .hasSize(1);
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(900);
        assertThat(reservation("T-LATE-LOCK-ORDER")).isEqualTo(ReservationState.CONFIRMED);
    }

    private static void lockRow(Connection connection, String sql, UUID id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (ResultSet row = statement.executeQuery()) {
                assertThat(row.next()).as(sql).isTrue();
            }
        }
    }

    /** Waits until some other backend waits for a lock {@code holder} holds. */
    private void awaitWaitingFor(Connection holder) throws SQLException {
        int pid;
        try (PreparedStatement statement = holder.prepareStatement("select pg_backend_pid()");
                ResultSet row = statement.executeQuery()) {
            row.next();
            pid = row.getInt(1);
        }
        Instant giveUp = Instant.now().plusSeconds(15);
        while (jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))").param(pid)
                .query(Long.class).single() == 0 && Instant.now().isBefore(giveUp)) {
            sleep(50);
        }
        assertThat(jdbc.sql("select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))").param(pid)
                .query(Long.class).single()).as("the reversal's outcome waits for the payment").isPositive();
    }

    @Test
    void aLateAnswerAfterTheWindowIsNotApplied() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEWINDOW000001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(2_000));

        JsonNode answer = pay("T-LATE-WINDOW", card, 1_000).json();

        JsonNode late = awaitLateCoupon(answer, "NOT_APPLIED");
        assertThat(late.path("reason").asString()).isEqualTo("LATE_COUPON_WINDOW_PASSED");
        awaitBalanced(answer.path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(couponServer.reservationsOf("T-LATE-WINDOW")).as("nothing held").isEmpty();
    }

    @Test
    void aLateHoldFailingLeavesTheFullAmount() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEHOLDFAILS001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        couponServer.failReservations();

        JsonNode answer = pay("T-LATE-NOT-HELD", card, 1_000).json();

        JsonNode late = awaitLateCoupon(answer, "NOT_APPLIED");
        assertThat(late.path("reason").asString()).isEqualTo("COUPON_SERVER_UNAVAILABLE");
        assertThat(minor(late.path("heldAmount"))).isEqualTo(1_000);
        awaitBalanced(answer.path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(couponServer.reservationsOf("T-LATE-NOT-HELD")).as("nothing held").isEmpty();
    }

    @Test
    void aLateHoldRefusedLeavesTheFullAmount() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEUSEDUP000001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        couponServer.refuseReservations();

        JsonNode answer = pay("T-LATE-USED-UP", card, 1_000).json();

        JsonNode late = awaitLateCoupon(answer, "NOT_APPLIED");
        assertThat(late.path("reason").asString()).isEqualTo("RESERVATION_REFUSED");
        JsonNode journal = awaitBalanced(answer.path("paymentId").asString());
        assertThat(steps(journal)).containsSubsequence("COUPON_SEARCH_ANSWERED", "COUPON_RESERVATION_FAILED",
                "LATE_COUPON_NOT_APPLIED").doesNotContain("REVERSAL_QUEUED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
    }

    @Test
    void couponsHeldOnlyAfterTheWindowClosedAreReleased() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEHOLDSLOW0001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        couponServer.delayReservations(Duration.ofMillis(1_500));

        JsonNode answer = pay("T-LATE-SLOW-HOLD", card, 1_000).json();

        JsonNode late = awaitLateCoupon(answer, "NOT_APPLIED");
        assertThat(late.path("reason").asString()).isEqualTo("LATE_COUPON_WINDOW_PASSED");
        JsonNode journal = awaitBalanced(answer.path("paymentId").asString());
        assertThat(steps(journal)).containsSubsequence("COUPON_RESERVED", "LATE_COUPON_NOT_APPLIED")
                .doesNotContain("REVERSAL_QUEUED");
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(reservation("T-LATE-SLOW-HOLD")).as("held after the window, so released").isEqualTo(ReservationState.RELEASED);
    }

    @Test
    void aPaymentNotApprovedTakesNoLateCoupon() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATEDECLINED0001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        settlementCenter.inject(Map.of("operation", "AUTHORIZE", "amountMinor", 1_003, "responseCode", "51", "times", 1));

        JsonNode answer = pay("T-LATE-DECLINED", card, 1_003).json();

        assertThat(answer.path("result").asString()).isEqualTo("DECLINED");
        awaitBalanced(answer.path("paymentId").asString());
        sleep(1_000); // the search answers 500 ms after the payment; the window is 1.5 s
        assertThat(till().get("/api/v1/payments/" + answer.path("paymentId").asString()).json().has("lateCoupon")).isFalse();
        assertThat(couponServer.reservationsOf("T-LATE-DECLINED")).as("nothing held").isEmpty();
        assertThat(settlementCenter.held(card, "JPY")).isZero();
    }

    @Test
    void couponsHeldLateForAnotherPriceAreReleased() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.discount("LATECHANGED00001", "10% off", 1_000));
        couponServer.delaySearches(Duration.ofMillis(500));
        couponServer.shiftHoldDiscounts(50);

        JsonNode answer = pay("T-LATE-CHANGED", card, 1_000).json();

        JsonNode late = awaitLateCoupon(answer, "NOT_APPLIED");
        assertThat(late.path("reason").asString()).isEqualTo("DISCOUNT_CHANGED");
        awaitBalanced(answer.path("paymentId").asString());
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
        assertThat(reservation("T-LATE-CHANGED")).isEqualTo(ReservationState.RELEASED);
    }

    @Test
    void aLateAnswerWithoutADiscountChangesNothing() {
        String card = TestCards.fresh();
        couponServer.give(card, StandInCoupon.benefit("LATECOFFEE000001", "Free coffee", "one coffee"));
        couponServer.delaySearches(Duration.ofMillis(500));

        JsonNode answer = pay("T-LATE-NONE", card, 1_000).json();

        JsonNode journal = awaitJournalStep(answer, "COUPON_SEARCH_ANSWERED");
        assertThat(journal.findValues("detail").stream().map(JsonNode::asString).filter(d -> d.startsWith("late")))
                .singleElement().asString().contains("no discount");
        assertThat(till().get("/api/v1/payments/" + answer.path("paymentId").asString()).json().has("lateCoupon")).isFalse();
        assertThat(settlementCenter.held(card, "JPY")).isEqualTo(1_000);
    }

    private JsonNode awaitLateCoupon(JsonNode answer, String status) {
        String path = "/api/v1/payments/" + answer.path("paymentId").asString();
        Instant giveUp = Instant.now().plusSeconds(15);
        JsonNode payment = till().get(path).json();
        while (!payment.path("lateCoupon").path("status").asString("").equals(status) && Instant.now().isBefore(giveUp)) {
            sleep(100);
            payment = till().get(path).json();
        }
        assertThat(payment.path("lateCoupon").path("status").asString()).as(payment.toString()).isEqualTo(status);
        assertThat(minor(payment.path("chargedAmount"))).as("what the terminal was told stays").isEqualTo(
                minor(answer.path("chargedAmount")));
        return payment.path("lateCoupon");
    }

    private JsonNode awaitJournalStep(JsonNode answer, String step) {
        Instant giveUp = Instant.now().plusSeconds(15);
        JsonNode journal = journalOf(answer.path("paymentId").asString());
        while (steps(journal).stream().filter(step::equals).count() < 1 && Instant.now().isBefore(giveUp)) {
            sleep(100);
            journal = journalOf(answer.path("paymentId").asString());
        }
        return journal;
    }

    private ReservationState reservation(String transactionId) {
        List<CouponServerStandIn.Reservation> reservations = couponServer.reservationsOf(transactionId);
        Instant giveUp = Instant.now().plusSeconds(10);
        while ((reservations.isEmpty() || reservations.get(0).state() == ReservationState.RESERVED)
                && Instant.now().isBefore(giveUp)) {
            sleep(100);
            reservations = couponServer.reservationsOf(transactionId);
        }
        assertThat(reservations).hasSize(1);
        return reservations.get(0).state();
    }
}
