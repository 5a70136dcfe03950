package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.budget.BudgetClaim;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.couponserver.coupon.AcquiredCoupon;
import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponTerms;
import com.cardcoupons.model.terminal.CouponKind;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The coupon a redemption uses, with what the usage log and the terminal need to know about it, and the budget of the
 * terms it was acquired under, which its uses count against.
 */
public record RedeemedCouponRef(UUID id, UUID campaignId, String code, String title, CouponKind kind, String grant,
                                String cardToken, String mediumType, String channel, CampaignBudget budget) {

    static RedeemedCouponRef of(Coupon coupon) {
        CouponTerms terms = coupon.terms();
        return new RedeemedCouponRef(coupon.id(), terms.campaignId(), coupon.code(), terms.title(), terms.kind(),
                terms.grant() == null ? null : terms.grant().text(), coupon.cardToken().value(),
                coupon.mediumType().name(), coupon.channel(), terms.budget());
    }

    static RedeemedCouponRef of(AcquiredCoupon coupon, CouponTerms terms) {
        return new RedeemedCouponRef(coupon.id(), coupon.campaignId(), coupon.code(), terms.title(), terms.kind(),
                terms.grant() == null ? null : terms.grant().text(), coupon.cardToken().value(),
                coupon.mediumType().name(), coupon.channel(), terms.budget());
    }

    /**
     * What these redemptions take of their campaigns' budgets, each counted when it was created (the use's start,
     * whatever happens to it later), so that giving one back finds the periods it was counted in. A use has at most one
     * coupon of a campaign, so no count is claimed twice.
     */
    static List<BudgetClaim> budgetClaims(List<Redemption> redemptions, Map<UUID, RedeemedCouponRef> coupons) {
        return redemptions.stream()
                .flatMap(redemption -> coupons.get(redemption.couponId()).budget()
                        .claims(redemption.campaignId(), redemption.createdAt(), redemption.discount().amountMinor()).stream())
                .toList();
    }
}
