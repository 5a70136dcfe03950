package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;

/**
 * What a usable coupon does to a purchase (claims 4 and 14): a discount lowers the amount payable; a benefit or a
 * ticket leaves it unchanged and grants something instead.
 */
public record CouponEffect(Money discount, Money payable, Grant grant) {

    public static CouponEffect of(Coupon coupon, Purchase purchase) {
        CouponTerms terms = coupon.terms();
        Money amount = purchase.amount();
        if (terms.kind() == CouponKind.DISCOUNT) {
            Money discount = terms.discount().on(purchase.qualifyingSpend(terms)).min(amount);
            return new CouponEffect(discount, amount.minus(discount), null);
        }
        return new CouponEffect(Money.zero(amount.currency()), amount, terms.grant());
    }

    /** The value that ranks coupons: the discount, or what the benefit is worth. */
    long valueMinor() {
        return grant == null ? discount.amountMinor() : grant.valueMinor();
    }
}
