package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Combination;
import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponEffect;
import com.cardcoupons.couponserver.coupon.CouponMatch;
import com.cardcoupons.couponserver.coupon.Discount;
import com.cardcoupons.couponserver.coupon.Examples;
import com.cardcoupons.couponserver.coupon.Purchase;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.cardcoupons.couponserver.coupon.Examples.NOW;
import static com.cardcoupons.couponserver.coupon.Examples.TILL;
import static com.cardcoupons.couponserver.coupon.Examples.yen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReservationTest {

    private static final CardToken CARD = CardToken.of("c".repeat(43));
    private static final Duration HOLD = Duration.ofMinutes(2);
    private static final Purchase PURCHASE = Examples.purchase(2000);
    private static final Coupon FIXED = Examples.terms().discount(new Discount.FixedAmount(300)).coupon("FIXEDFIXEDFIXED2");
    private static final Coupon COFFEE = Examples.terms().benefit("Free coffee", 400).coupon("COFFEECOFFEECOF2");

    @Test
    void aHoldIsConfirmedOnceAndConfirmingAgainChangesNothing() {
        Reservation reservation = held();
        assertThat(reservation.state()).isEqualTo(ReservationState.RESERVED);
        assertThat(reservation.holdUntil()).isEqualTo(NOW.plus(HOLD));
        assertThat(reservation.discount()).isEqualTo(yen(300));
        assertThat(reservation.payable()).isEqualTo(yen(1700));

        assertThat(reservation.confirm(NOW.plusSeconds(10))).hasSize(2);
        assertThat(reservation.state()).isEqualTo(ReservationState.CONFIRMED);
        assertThat(reservation.holdUntil()).isNull();
        assertThat(reservation.settledAt()).isEqualTo(NOW.plusSeconds(10));
        assertThat(reservation.redemptions()).extracting(Redemption::state).containsOnly(ReservationState.CONFIRMED);
        assertThat(reservation.confirm(NOW.plusSeconds(20))).isEmpty();
    }

    @Test
    void aHoldThatRanOutCannotBeConfirmedButExpires() {
        Reservation reservation = held();
        Instant late = NOW.plus(HOLD);

        assertThatThrownBy(() -> reservation.confirm(late)).isInstanceOf(DomainException.class)
                .extracting("code").isEqualTo("RESERVATION_EXPIRED");
        assertThat(reservation.expire(late.minusSeconds(1))).as("not yet due").isEmpty();
        assertThat(reservation.expire(late)).hasSize(2);
        assertThat(reservation.state()).isEqualTo(ReservationState.EXPIRED);
        assertThat(reservation.expire(late)).isEmpty();
        assertThat(reservation.release(late)).as("releasing an expired hold changes nothing").isEmpty();
        assertThatThrownBy(() -> reservation.confirm(late)).extracting("code").isEqualTo("RESERVATION_NOT_HELD");
    }

    @Test
    void aReleaseFreesTheHoldOnceAndCannotUndoAConfirmedUse() {
        Reservation reservation = held();
        assertThat(reservation.release(NOW)).hasSize(2);
        assertThat(reservation.state()).isEqualTo(ReservationState.RELEASED);
        assertThat(reservation.release(NOW)).isEmpty();

        Reservation used = Reservation.useNow(CARD, TILL, "TX-2", combination(), NOW);
        assertThatThrownBy(() -> used.release(NOW)).extracting("code").isEqualTo("RESERVATION_CONFIRMED");
    }

    @Test
    void aConfirmedUseIsReversedCouponByCouponThenAsAWhole() {
        Reservation used = Reservation.useNow(CARD, TILL, "TX-3", combination(), NOW);
        assertThat(used.state()).isEqualTo(ReservationState.CONFIRMED);

        List<Redemption> coffee = used.reverse(List.of(COFFEE.id()), ReversalType.REFUND, "returned", NOW);
        assertThat(coffee).singleElement().satisfies(redemption -> {
            assertThat(redemption.couponId()).isEqualTo(COFFEE.id());
            assertThat(redemption.state()).isEqualTo(ReservationState.REVERSED);
            assertThat(redemption.reversal().type()).isEqualTo(ReversalType.REFUND);
            assertThat(redemption.reversal().reason()).isEqualTo("returned");
        });
        assertThat(used.state()).isEqualTo(ReservationState.CONFIRMED);
        assertThatThrownBy(() -> used.reverse(List.of(FIXED.id(), COFFEE.id()), ReversalType.REFUND, null, NOW))
                .isInstanceOf(DomainException.class)
                .satisfies(refusal -> {
                    assertThat(((DomainException) refusal).code()).isEqualTo("ALREADY_REVERSED");
                    assertThat(((DomainException) refusal).field()).isEqualTo("couponCodes[1]");
                });
        assertThatThrownBy(() -> used.reverse(List.of(UUID.randomUUID()), ReversalType.REFUND, null, NOW))
                .extracting("code").isEqualTo("COUPON_NOT_IN_RESERVATION");
        assertThat(used.redemptions()).filteredOn(redemption -> redemption.couponId().equals(FIXED.id()))
                .as("nothing reversed by a refused reversal").extracting(Redemption::state)
                .containsExactly(ReservationState.CONFIRMED);

        assertThat(used.reverse(List.of(), ReversalType.VOID, null, NOW)).extracting(Redemption::couponId)
                .containsExactly(FIXED.id());
        assertThat(used.state()).isEqualTo(ReservationState.REVERSED);
        assertThatThrownBy(() -> used.reverse(List.of(), ReversalType.VOID, null, NOW))
                .extracting("code").isEqualTo("RESERVATION_NOT_CONFIRMED");
    }

    @Test
    void onlyAConfirmedUseIsReversed() {
        assertThatThrownBy(() -> held().reverse(List.of(), ReversalType.VOID, null, NOW))
                .extracting("code").isEqualTo("RESERVATION_NOT_CONFIRMED");
    }

    private static Reservation held() {
        return Reservation.hold(CARD, TILL, "TX-1", combination(), NOW, HOLD);
    }

    private static Combination combination() {
        return Combination.of(List.of(new CouponMatch(FIXED, CouponEffect.of(FIXED, PURCHASE)),
                new CouponMatch(COFFEE, CouponEffect.of(COFFEE, PURCHASE))), PURCHASE.amount());
    }
}
