package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.money.Money;

/** A discount coupon used in a payment and what it took off. */
public record AppliedCoupon(String code, String title, Money discount) {
}
