package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.coupon.AppliedCoupon;

import java.time.Instant;
import java.util.List;

/**
 * A discount applied after the payment was approved at full price, because the coupon search answered after its
 * budget: PENDING while the partial reversal that lowers the authorization to {@code heldAmount} is on its way,
 * APPLIED once the settlement center acknowledged it (and the coupons are confirmed), NOT_APPLIED with the reason
 * otherwise (the coupons are released, and the card holds the full amount).
 */
public record LateCoupon(Status status, String reason, List<AppliedCoupon> applied, Money totalDiscount, Money heldAmount,
        Instant decidedAt) {

    public LateCoupon {
        applied = applied == null ? List.of() : List.copyOf(applied);
    }

    /** Where a late discount stands. */
    public enum Status {
        PENDING, APPLIED, NOT_APPLIED
    }
}
