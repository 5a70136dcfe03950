package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;

import java.time.Instant;
import java.util.UUID;

/** One coupon's use within a reservation, and where it stands. */
public record Redemption(UUID id, RedeemedCouponRef coupon, Money discount, ReservationState state, Instant settledAt,
                         Reversal reversal) {

    /** How and why a confirmed use was undone. */
    public record Reversal(ReversalType type, String reason, Instant at) {
    }

    Redemption moveTo(ReservationState next, Instant at) {
        return new Redemption(id, coupon, discount, next, settledAt == null ? at : settledAt, reversal);
    }

    Redemption reversed(Reversal how) {
        return new Redemption(id, coupon, discount, ReservationState.REVERSED, settledAt, how);
    }
}
