package com.cardcoupons.relay.coupon;

/** Coupon-server did not answer usably: down, too slow, or failing. */
public class CouponServerUnavailable extends RuntimeException {

    public CouponServerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
