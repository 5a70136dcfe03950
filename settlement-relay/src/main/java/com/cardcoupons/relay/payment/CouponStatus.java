package com.cardcoupons.relay.payment;

/** What became of the coupons in a payment. */
public enum CouponStatus {
    /** A discount was applied inside the authorization. */
    APPLIED,
    /** The card carries no discount usable for this purchase. */
    NONE,
    /** Coupon-server could not answer within the time budget: the payment went ahead at full price. */
    UNAVAILABLE,
    /** A discount was found but could not be applied (see the reason): the payment went ahead at full price. */
    NOT_APPLIED
}
