package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.money.Money;

import java.math.BigDecimal;

/** Money as people read it on a slip or in a reason: "3000 JPY", "12.50 USD". Display only, never arithmetic. */
public final class Amounts {

    private Amounts() {
    }

    public static String display(Money money) {
        int digits = Math.max(money.currency().getDefaultFractionDigits(), 0);
        return BigDecimal.valueOf(money.amountMinor(), digits).toPlainString() + " " + money.currency().getCurrencyCode();
    }
}
