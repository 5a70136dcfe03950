package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;

import java.util.Map;

/** What a coupon grants its holder (claims 4 and 14): a discount, a benefit or a ticket. */
public sealed interface Offer permits Discount, Benefit, Ticket {

    CouponKind kind();

    /** The amounts of money the offer names, by field, so the terms can check they share one currency. */
    Map<String, Money> amounts();
}
