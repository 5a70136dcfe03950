package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.terminal.CouponKind;

/** A benefit or ticket the card carries for this purchase, for the terminal to honour; it does not change the amount. */
public record FoundBenefit(String code, String title, CouponKind kind, String grant) {
}
