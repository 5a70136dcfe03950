package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.money.Money;

import java.util.Currency;

/** How a discount coupon lowers the amount payable, computed on the spend it applies to. */
public sealed interface Discount {

    /** The discount on {@code base}; never more than {@code base}. */
    Money on(Money base);

    /** A sentence for the printed slip: "10% off (up to 500 JPY)". */
    String describe(Currency currency);

    /** A share of the spend in basis points (1/100 %), rounded down, optionally capped. */
    record Percentage(int basisPoints, Long capMinor) implements Discount {

        @Override
        public Money on(Money base) {
            Money discount = base.basisPoints(basisPoints);
            return capMinor == null ? discount : discount.min(new Money(capMinor, base.currency()));
        }

        @Override
        public String describe(Currency currency) {
            String rate = java.math.BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "% off";
            return capMinor == null ? rate : rate + " (up to " + Amounts.display(new Money(capMinor, currency)) + ")";
        }
    }

    /** A fixed amount off, never more than the spend it applies to. */
    record FixedAmount(long amountMinor) implements Discount {

        @Override
        public Money on(Money base) {
            return base.min(new Money(amountMinor, base.currency()));
        }

        @Override
        public String describe(Currency currency) {
            return Amounts.display(new Money(amountMinor, currency)) + " off";
        }
    }
}
