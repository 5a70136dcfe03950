package com.cardcoupons.registration.coupon;

import java.time.Instant;

/** The statements that add and cancel coupons: the one way a coupon row is written. */
public interface CouponWrites {

    /**
     * Adds a newly acquired coupon, and its code to the codes of every card; false, writing nothing, when another
     * coupon has the code already.
     */
    boolean add(Coupon coupon);

    /**
     * Cancels an active coupon with no use held at a till and not yet expired, through {@code channel}: false, changing
     * nothing, when it is no longer so. It first waits for a use of the coupon in flight at coupon-server, whose first
     * held use holds the coupon active by its foreign key, so the two never both succeed. What this transaction read
     * before is forgotten.
     */
    boolean cancel(Coupon coupon, Channel channel, Instant now);
}
