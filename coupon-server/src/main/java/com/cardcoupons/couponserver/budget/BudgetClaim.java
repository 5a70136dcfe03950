package com.cardcoupons.couponserver.budget;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What one use takes of one count of a campaign's budget: one use and its discount, in the period starting on
 * {@code periodStart}, within {@code max} (minor units for the total discount, uses for the others; null for the
 * campaign's total count when it has no money limit). A reversal gives back exactly the claims its use took.
 */
public record BudgetClaim(BudgetLimit limit, UUID campaignId, LocalDate periodStart, long discountMinor, Long max) {

    /** Whether the claim goes on the card's count rather than the campaign's. */
    public boolean perCard() {
        return limit.perCard();
    }

    public BudgetPeriod period() {
        return limit.period();
    }

    /**
     * Whether this use ran the budget out, given the count it left: the last use a limit allows, or, for money, a
     * remainder smaller than this use's discount, so that a use like it no longer fits. The moment a
     * {@code budget.exhausted} event reports.
     */
    public boolean exhaustedBy(long usesAfter, long spentAfterMinor) {
        if (max == null) {
            return false;
        }
        return limit.isMoney() ? max - spentAfterMinor < Math.max(discountMinor, 1) : usesAfter >= max;
    }
}
