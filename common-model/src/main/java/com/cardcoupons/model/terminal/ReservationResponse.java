package com.cardcoupons.model.terminal;

import com.cardcoupons.model.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The outcome of reserving or using coupons for one purchase: each coupon's redemption, the total discount and the
 * amount payable after it. {@code holdUntil} is set while the use is only reserved.
 */
public record ReservationResponse(
        UUID reservationId,
        String transactionId,
        ReservationState state,
        List<RedeemedCoupon> coupons,
        Money totalDiscount,
        Money payable,
        Instant holdUntil) {

    /** One coupon's part in the purchase; its state differs from the purchase's after a partial reversal. */
    public record RedeemedCoupon(UUID redemptionId, String code, String title, CouponKind kind, Money discount, String grant,
                                 ReservationState state) {
    }

    /** Where a two-phase use stands. */
    public enum ReservationState {
        RESERVED, CONFIRMED, RELEASED, EXPIRED, REVERSED
    }
}
