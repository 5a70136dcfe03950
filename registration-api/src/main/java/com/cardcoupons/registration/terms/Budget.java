package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;

import static com.cardcoupons.registration.terms.Checks.positive;

/**
 * What a campaign may spend and how often it may be used: a total discount budget in the campaign's currency, and
 * limits on uses per day, ISO week and month, overall and per card, counted in the campaign's time zone. Every part
 * is optional, but a budget names at least one. A day lies within one week and one month, so its limit may not
 * exceed theirs, and a card's limit may not exceed the campaign's for the same period. Wire form
 * {@code {"totalDiscount":{"amountMinor":50000,"currency":"JPY"},"usesPerDay":100,"usesPerCardPerDay":1}}.
 */
public record Budget(Money totalDiscount, Integer usesPerDay, Integer usesPerWeek, Integer usesPerMonth,
                     Integer usesPerCardPerDay, Integer usesPerCardPerWeek, Integer usesPerCardPerMonth) {

    private static final int MAX_USES = 100_000_000;

    public Budget {
        positive(totalDiscount, "totalDiscount");
        usesPerDay = optional(usesPerDay, "usesPerDay");
        usesPerWeek = optional(usesPerWeek, "usesPerWeek");
        usesPerMonth = optional(usesPerMonth, "usesPerMonth");
        usesPerCardPerDay = optional(usesPerCardPerDay, "usesPerCardPerDay");
        usesPerCardPerWeek = optional(usesPerCardPerWeek, "usesPerCardPerWeek");
        usesPerCardPerMonth = optional(usesPerCardPerMonth, "usesPerCardPerMonth");
        if (totalDiscount == null && usesPerDay == null && usesPerWeek == null && usesPerMonth == null
                && usesPerCardPerDay == null && usesPerCardPerWeek == null && usesPerCardPerMonth == null) {
            throw DomainException.invalid("EMPTY_BUDGET", null, "a budget sets a totalDiscount or a limit on uses; leave it out for none");
        }
        notAbove(usesPerDay, "usesPerDay", usesPerWeek, "usesPerWeek");
        notAbove(usesPerDay, "usesPerDay", usesPerMonth, "usesPerMonth");
        notAbove(usesPerCardPerDay, "usesPerCardPerDay", usesPerCardPerWeek, "usesPerCardPerWeek");
        notAbove(usesPerCardPerDay, "usesPerCardPerDay", usesPerCardPerMonth, "usesPerCardPerMonth");
        notAbove(usesPerCardPerDay, "usesPerCardPerDay", usesPerDay, "usesPerDay");
        notAbove(usesPerCardPerWeek, "usesPerCardPerWeek", usesPerWeek, "usesPerWeek");
        notAbove(usesPerCardPerMonth, "usesPerCardPerMonth", usesPerMonth, "usesPerMonth");
    }

    private static Integer optional(Integer limit, String field) {
        return limit == null ? null : positive(limit, field, MAX_USES);
    }

    private static void notAbove(Integer limit, String field, Integer bound, String boundField) {
        if (limit != null && bound != null && limit > bound) {
            throw DomainException.invalid("LIMIT_OVER_WIDER_LIMIT", field, field + " must not exceed " + boundField);
        }
    }
}
