package com.cardcoupons.model.terminal;

/** The three families of coupon (claims 4 and 14). */
public enum CouponKind {
    /** Lowers the amount payable: a percentage (optionally capped) or a fixed amount. */
    DISCOUNT,
    /** Grants something without changing the amount: a free item, extra points or miles, a service. */
    BENEFIT,
    /** Admits its holder to an event; used once. */
    TICKET
}
