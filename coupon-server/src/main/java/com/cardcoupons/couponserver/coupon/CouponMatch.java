package com.cardcoupons.couponserver.coupon;

import java.util.Comparator;

/** A coupon that is usable for a purchase, with its effect on it. */
public record CouponMatch(Coupon coupon, CouponEffect effect) {

    /**
     * Best first: the greatest value to the holder (the discount, or what a benefit is worth), then the larger
     * discount, then the coupon that expires first (use it before it is lost), then by code so the order is stable.
     */
    public static final Comparator<CouponMatch> BEST_FIRST = Comparator
            .comparingLong((CouponMatch match) -> match.effect().valueMinor()).reversed()
            .thenComparing(Comparator.comparingLong((CouponMatch match) -> match.effect().discount().amountMinor()).reversed())
            .thenComparing(match -> match.coupon().expiresAt())
            .thenComparing(match -> match.coupon().code());
}
