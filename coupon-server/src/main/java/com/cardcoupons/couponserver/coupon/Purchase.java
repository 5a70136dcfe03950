package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.model.terminal.IntendedUse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The intended use of a usage medium as the server accepts it: at the calling terminal's own store, in one
 * currency, with a basket that does not exceed the amount, at a time close to the server's clock, presented on a
 * medium of a known type (and brand, for payment cards). The medium is unknown (null type and brand) when coupons
 * are redeemed by the code scanned from a printed barcode; each coupon's own medium then counts.
 */
public record Purchase(Till till, Store store, Money amount, List<BasketLine> basket, Instant at,
                       MediumType mediumType, String cardBrand) {

    public Purchase {
        basket = List.copyOf(basket);
    }

    /** Checks the intended use against the caller and the clock; every refusal names the offending field. */
    public static Purchase of(Till till, Store store, IntendedUse use, MediumType mediumType, String cardBrand,
            Instant now, Duration maxClockSkew) {
        requireSame(till.merchantId(), use.merchantId(), "intendedUse.merchantId");
        requireSame(till.storeId(), use.storeId(), "intendedUse.storeId");
        requireSame(till.terminalId(), use.terminalId(), "intendedUse.terminalId");
        requireSame(till.merchantId(), store.merchantId(), "intendedUse.storeId");
        Instant at = use.occurredAt() == null ? now : use.occurredAt();
        if (Duration.between(at, now).abs().compareTo(maxClockSkew) > 0) {
            throw DomainException.invalid("OCCURRED_AT_OUT_OF_RANGE", "intendedUse.occurredAt",
                    "the time of the intended use is more than " + maxClockSkew.toSeconds() + " s from the server's clock");
        }
        requireBasketWithin(use.amount(), use.basket());
        return new Purchase(till, store, use.amount(), use.basket(), at, mediumType, cardBrand);
    }

    /** The spend a coupon applies to: the qualifying basket lines when the terms name items, else the whole amount. */
    public Money qualifyingSpend(CouponTerms terms) {
        if (!terms.restrictsItems()) {
            return amount;
        }
        Money spend = Money.zero(amount.currency());
        for (BasketLine line : basket) {
            if (qualifies(terms, line)) {
                spend = spend.plus(line.lineTotal());
            }
        }
        return spend;
    }

    public MediumType mediumTypeFor(Coupon coupon) {
        return mediumType == null ? coupon.mediumType() : mediumType;
    }

    public String cardBrandFor(Coupon coupon) {
        return mediumType == null ? coupon.cardBrand() : cardBrand;
    }

    public boolean hasQualifyingItem(CouponTerms terms) {
        return !terms.restrictsItems() || basket.stream().anyMatch(line -> qualifies(terms, line));
    }

    private static boolean qualifies(CouponTerms terms, BasketLine line) {
        return terms.skus().contains(line.sku()) || (line.category() != null && terms.categories().contains(line.category()));
    }

    private static void requireSame(UUID expected, UUID given, String field) {
        if (!Objects.equals(expected, given)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "INTENDED_USE_NOT_CALLER", field,
                    "a terminal searches and redeems only for its own merchant, store and terminal");
        }
    }

    private static void requireBasketWithin(Money amount, List<BasketLine> basket) {
        Money total = Money.zero(amount.currency());
        for (int i = 0; i < basket.size(); i++) {
            BasketLine line = basket.get(i);
            if (!line.unitPrice().sameCurrencyAs(amount)) {
                throw DomainException.invalid("CURRENCY_MISMATCH", "intendedUse.basket[" + i + "].unitPrice.currency",
                        "every basket line must be in the currency of the amount, " + amount.currency().getCurrencyCode());
            }
            try {
                total = total.plus(line.lineTotal());
            } catch (ArithmeticException overflow) {
                throw DomainException.invalid("AMOUNT_TOO_LARGE", "intendedUse.basket[" + i + "]", "the basket total is too large");
            }
        }
        if (!amount.isAtLeast(total)) {
            throw DomainException.invalid("BASKET_EXCEEDS_AMOUNT", "intendedUse.basket",
                    "the basket lines add up to more than the amount of the intended use");
        }
    }
}
