package com.cardcoupons.couponserver.budget;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A campaign's budget as the terms a coupon was acquired under set it, with the time zone its periods are counted in:
 * a total discount in minor units of the campaign's currency, and limits on uses per day, ISO week and month, overall
 * and per card. Any part may be absent; with none, the campaign has no budget and nothing is counted.
 */
public record CampaignBudget(ZoneId zone, Long totalDiscountMinor, Integer usesPerDay, Integer usesPerWeek,
                             Integer usesPerMonth, Integer usesPerCardPerDay, Integer usesPerCardPerWeek,
                             Integer usesPerCardPerMonth) {

    public static CampaignBudget none(ZoneId zone) {
        return new CampaignBudget(zone, null, null, null, null, null, null, null);
    }

    public boolean isSet() {
        return totalDiscountMinor != null || usesPerDay != null || usesPerWeek != null || usesPerMonth != null
                || usesPerCardPerDay != null || usesPerCardPerWeek != null || usesPerCardPerMonth != null;
    }

    /** The limit set, in minor units for the total discount and in uses for the others; null when not set. */
    public Long limit(BudgetLimit limit) {
        Number value = switch (limit) {
            case TOTAL_DISCOUNT -> totalDiscountMinor;
            case USES_PER_DAY -> usesPerDay;
            case USES_PER_WEEK -> usesPerWeek;
            case USES_PER_MONTH -> usesPerMonth;
            case USES_PER_CARD_PER_DAY -> usesPerCardPerDay;
            case USES_PER_CARD_PER_WEEK -> usesPerCardPerWeek;
            case USES_PER_CARD_PER_MONTH -> usesPerCardPerMonth;
        };
        return value == null ? null : value.longValue();
    }

    /**
     * What one use of a coupon of campaign {@code campaignId}, granting {@code discountMinor} and counted at
     * {@code countedAt}, takes of this budget: a claim on the whole campaign's count (always, so that what the
     * campaign spent is known even without a money limit) and one on each period whose limit is set, in the periods
     * that contain {@code countedAt}. None when the campaign has no budget.
     */
    public List<BudgetClaim> claims(UUID campaignId, Instant countedAt, long discountMinor) {
        if (!isSet()) {
            return List.of();
        }
        List<BudgetClaim> claims = new ArrayList<>();
        claims.add(new BudgetClaim(BudgetLimit.TOTAL_DISCOUNT, campaignId, BudgetPeriod.CAMPAIGN_START, discountMinor,
                totalDiscountMinor));
        for (BudgetLimit limit : BudgetLimit.values()) {
            Long max = limit(limit);
            if (!limit.isMoney() && max != null) {
                claims.add(new BudgetClaim(limit, campaignId, limit.period().start(countedAt, zone), discountMinor, max));
            }
        }
        return claims;
    }
}
