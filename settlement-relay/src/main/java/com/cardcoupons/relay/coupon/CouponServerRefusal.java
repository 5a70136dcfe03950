package com.cardcoupons.relay.coupon;

/** Coupon-server refused a request (a 4xx): the coupon is used up, the hold expired, or the request was wrong. */
public class CouponServerRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public CouponServerRefusal(int status, String code, Throwable cause) {
        super("coupon-server refused with " + status + (code == null ? "" : " " + code), cause);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    /** The Problem Details code coupon-server gave, when it gave one. */
    public String code() {
        return code;
    }
}
