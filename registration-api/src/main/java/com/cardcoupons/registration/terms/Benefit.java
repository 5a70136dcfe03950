package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.CouponKind;

import java.util.Map;

import static com.cardcoupons.registration.terms.Checks.absent;
import static com.cardcoupons.registration.terms.Checks.required;
import static com.cardcoupons.registration.terms.Checks.text;

/**
 * A benefit: a free item, extra points or miles, or a service, described for the cashier, with an optional value
 * (what it is worth, for the merchant's accounting) and, for points and miles, how many.
 */
public record Benefit(BenefitType type, String description, Money value, Long points) implements Offer {

    private static final long MAX_POINTS = 100_000_000L;

    public Benefit {
        required(type, "type");
        description = text(description, "description", 500);
        if (type.isCounted()) {
            long counted = required(points, "points");
            if (counted <= 0 || counted > MAX_POINTS) {
                throw DomainException.invalid("NOT_POSITIVE", "points", "points must be between 1 and " + MAX_POINTS);
            }
        } else {
            absent(points, "points", "only extra points and extra miles count points");
        }
    }

    @Override
    public CouponKind kind() {
        return CouponKind.BENEFIT;
    }

    @Override
    public Map<String, Money> amounts() {
        return value == null ? Map.of() : Map.of("value", value);
    }
}
