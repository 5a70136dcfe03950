package com.cardcoupons.couponserver.budget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a campaign's budget stands for one card at one moment: the counts of the periods then current, holds
 * included, as the search and the usage report read them. The use itself does not rely on it: its statement takes the
 * budget on the condition that there is room, whatever the standing said.
 */
public record BudgetStanding(CampaignBudget budget, Map<BudgetLimit, Count> counts) {

    /** A period's count: its start, the uses taken and their discounts. */
    public record Count(BudgetPeriod period, java.time.LocalDate periodStart, long uses, long spentMinor) {
    }

    public BudgetStanding {
        counts = Map.copyOf(counts);
    }

    /** The limits that refuse one more use granting {@code discountMinor}, in the order of {@link BudgetLimit}. */
    public List<BudgetLimit> reached(long discountMinor) {
        List<BudgetLimit> reached = new ArrayList<>();
        for (BudgetLimit limit : BudgetLimit.values()) {
            Long max = budget.limit(limit);
            if (max != null && counts.containsKey(limit)) {
                Count count = counts.get(limit);
                if (limit.isMoney() ? count.spentMinor() + discountMinor > max : count.uses() >= max) {
                    reached.add(limit);
                }
            }
        }
        return reached;
    }

    /** What the campaign has spent, holds included. */
    public long spentMinor() {
        Count total = counts.get(BudgetLimit.TOTAL_DISCOUNT);
        return total == null ? 0 : total.spentMinor();
    }

    /** What is left of a limit in its current period, never below zero; null when it is not set. */
    public Long remaining(BudgetLimit limit) {
        Long max = budget.limit(limit);
        if (max == null) {
            return null;
        }
        Count count = counts.get(limit);
        long used = count == null ? 0 : limit.isMoney() ? count.spentMinor() : count.uses();
        return Math.max(max - used, 0);
    }
}
