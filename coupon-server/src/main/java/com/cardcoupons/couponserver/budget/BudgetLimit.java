package com.cardcoupons.couponserver.budget;

/**
 * One limit a campaign's budget may set, with the stable code and the reason a till is told when it is reached. The
 * campaign-wide limits are counted per campaign; the per-card ones per card and campaign.
 */
public enum BudgetLimit {
    TOTAL_DISCOUNT(false, BudgetPeriod.TOTAL, "CAMPAIGN_BUDGET_EXHAUSTED", "campaign budget exhausted"),
    USES_PER_DAY(false, BudgetPeriod.DAY, "DAILY_LIMIT_REACHED", "daily limit reached"),
    USES_PER_WEEK(false, BudgetPeriod.WEEK, "WEEKLY_LIMIT_REACHED", "weekly limit reached"),
    USES_PER_MONTH(false, BudgetPeriod.MONTH, "MONTHLY_LIMIT_REACHED", "monthly limit reached"),
    USES_PER_CARD_PER_DAY(true, BudgetPeriod.DAY, "CARD_DAILY_LIMIT_REACHED", "daily limit for this card reached"),
    USES_PER_CARD_PER_WEEK(true, BudgetPeriod.WEEK, "CARD_WEEKLY_LIMIT_REACHED", "weekly limit for this card reached"),
    USES_PER_CARD_PER_MONTH(true, BudgetPeriod.MONTH, "CARD_MONTHLY_LIMIT_REACHED", "monthly limit for this card reached");

    private final boolean perCard;
    private final BudgetPeriod period;
    private final String code;
    private final String reason;

    BudgetLimit(boolean perCard, BudgetPeriod period, String code, String reason) {
        this.perCard = perCard;
        this.period = period;
        this.code = code;
        this.reason = reason;
    }

    public boolean perCard() {
        return perCard;
    }

    public BudgetPeriod period() {
        return period;
    }

    /** Money rather than a number of uses. */
    public boolean isMoney() {
        return this == TOTAL_DISCOUNT;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    /** The campaign-wide or per-card limit on uses in a period. */
    static BudgetLimit onUses(BudgetPeriod period, boolean perCard) {
        for (BudgetLimit limit : values()) {
            if (limit.period == period && limit.perCard == perCard && !limit.isMoney()) {
                return limit;
            }
        }
        throw new IllegalArgumentException("no limit on uses per " + period);
    }
}
