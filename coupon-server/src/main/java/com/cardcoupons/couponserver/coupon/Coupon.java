package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon acquired on a usage medium, as the till sees it: its terms and how many of its uses are still free.
 * {@code usesHeld} counts reserved and confirmed uses, not holds that have run out and await the sweep; those are
 * {@code runOutHolds}, which a new use reclaims before it takes its own. {@code budgetStanding} is where its campaign's
 * budget stands for the card, as the search reads it; null when not read (the use's statement takes the budget itself).
 */
public record Coupon(
        UUID id,
        String code,
        CardToken cardToken,
        MediumType mediumType,
        String cardBrand,
        String channel,
        boolean cancelled,
        int usesAllowed,
        int usesHeld,
        int runOutHolds,
        Instant expiresAt,
        CouponTerms terms,
        BudgetStanding budgetStanding) {

    public int usesLeft() {
        return Math.max(usesAllowed - usesHeld, 0);
    }

    /** The same coupon with where its campaign's budget stands for its card, as a search reads it. */
    public Coupon withBudgetStanding(BudgetStanding standing) {
        return new Coupon(id, code, cardToken, mediumType, cardBrand, channel, cancelled, usesAllowed, usesHeld, runOutHolds,
                expiresAt, terms, standing);
    }

    public UUID campaignId() {
        return terms.campaignId();
    }
}
