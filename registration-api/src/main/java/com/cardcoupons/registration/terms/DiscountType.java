package com.cardcoupons.registration.terms;

/** How a discount lowers the amount payable. */
public enum DiscountType {
    /** A share of the amount, in basis points (1/100 of a percent), optionally capped. */
    PERCENTAGE,
    /** A fixed amount off. */
    FIXED_AMOUNT
}
