package com.cardcoupons.registration.terms;

import com.cardcoupons.model.problem.DomainException;
import jakarta.persistence.Embeddable;

import static com.cardcoupons.registration.terms.Checks.positive;

/**
 * How many coupons a campaign issues in total (no cap when null), how many one usage medium may hold, and how many
 * times each coupon is used.
 */
@Embeddable
public record Limits(Integer totalCap, int perCardLimit, int usesPerCoupon) {

    private static final int MAX_TOTAL_CAP = 100_000_000;
    private static final int MAX_PER_CARD = 1_000;
    private static final int MAX_USES = 1_000;

    public Limits {
        if (totalCap != null) {
            positive(totalCap, "totalCap", MAX_TOTAL_CAP);
        }
        positive(perCardLimit, "perCardLimit", MAX_PER_CARD);
        positive(usesPerCoupon, "usesPerCoupon", MAX_USES);
        if (totalCap != null && perCardLimit > totalCap) {
            throw DomainException.invalid("PER_CARD_LIMIT_OVER_CAP", "perCardLimit",
                    "perCardLimit must not exceed totalCap");
        }
    }

    /** From the request, where uses per coupon default to one. */
    public static Limits of(Integer totalCap, Integer perCardLimit, Integer usesPerCoupon) {
        return new Limits(totalCap, positive(perCardLimit, "perCardLimit", MAX_PER_CARD),
                usesPerCoupon == null ? 1 : positive(usesPerCoupon, "usesPerCoupon", MAX_USES));
    }
}
