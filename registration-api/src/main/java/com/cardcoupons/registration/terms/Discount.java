package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.CouponKind;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.cardcoupons.registration.terms.Checks.absent;
import static com.cardcoupons.registration.terms.Checks.positive;
import static com.cardcoupons.registration.terms.Checks.required;

/**
 * A discount: a percentage in basis points with an optional cap, or a fixed amount. Wire form
 * {@code {"type":"PERCENTAGE","basisPoints":1000,"cap":{"amountMinor":500,"currency":"JPY"}}}.
 */
public record Discount(DiscountType type, Integer basisPoints, Money amount, Money cap) implements Offer {

    private static final int ONE_HUNDRED_PERCENT = 10_000;

    public Discount {
        required(type, "type");
        if (type == DiscountType.PERCENTAGE) {
            int rate = required(basisPoints, "basisPoints");
            if (rate > ONE_HUNDRED_PERCENT) {
                throw DomainException.invalid("PERCENTAGE_OVER_100", "basisPoints",
                        "basisPoints must be at most 10000 (100%)");
            }
            if (rate <= 0) {
                throw DomainException.invalid("PERCENTAGE_NOT_POSITIVE", "basisPoints", "basisPoints must be positive");
            }
            absent(amount, "amount", "a percentage discount has no fixed amount");
            positive(cap, "cap");
        } else {
            absent(basisPoints, "basisPoints", "a fixed amount discount has no percentage");
            absent(cap, "cap", "a fixed amount discount is its own cap");
            positive(required(amount, "amount"), "amount");
        }
    }

    @Override
    public CouponKind kind() {
        return CouponKind.DISCOUNT;
    }

    @Override
    public Map<String, Money> amounts() {
        Map<String, Money> amounts = new LinkedHashMap<>();
        if (amount != null) {
            amounts.put("amount", amount);
        }
        if (cap != null) {
            amounts.put("cap", cap);
        }
        return amounts;
    }
}
