package com.cardcoupons.couponserver.coupon;

/** One reason a coupon cannot be used for a purchase: a stable code and a sentence for support staff. */
public record Refusal(String code, String detail) {

    /** The one reason that is about capacity rather than fit: another use got there first. */
    public static final String NO_USES_LEFT = "NO_USES_LEFT";

    /** The reason that hides a coupon from a terminal altogether: it belongs to another merchant's business. */
    public static final String NOT_VALID_AT_MERCHANT = "NOT_VALID_AT_MERCHANT";
}
