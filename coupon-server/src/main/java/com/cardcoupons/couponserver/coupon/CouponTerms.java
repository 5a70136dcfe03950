package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.Stacking;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;

/**
 * The terms a coupon was acquired under (its campaign version), with the campaign's current state. An empty set of
 * stores, MCCs, SKUs, categories or brands places no restriction; an empty set of merchants means the campaign's own.
 *
 * @param discount set for a {@link CouponKind#DISCOUNT}
 * @param grant    set for a {@link CouponKind#BENEFIT} or a {@link CouponKind#TICKET}
 * @param currency the currency of the discount and the minimum spend; null when neither has one
 * @param budget   the campaign's budget under these terms, counted in their time zone; never null, perhaps not set
 */
public record CouponTerms(
        UUID campaignId,
        UUID merchantId,
        CampaignState campaignState,
        String title,
        CouponKind kind,
        Currency currency,
        Discount discount,
        Grant grant,
        ZoneId timeZone,
        Instant validFrom,
        Instant validUntil,
        Set<UUID> usableMerchants,
        Set<UUID> usableStores,
        Set<String> usableMccs,
        Set<String> skus,
        Set<String> categories,
        Long minSpendMinor,
        Set<MediumType> acceptedMedia,
        Set<String> acceptedBrands,
        Stacking stacking,
        CampaignBudget budget) {

    public CouponTerms {
        usableMerchants = Set.copyOf(usableMerchants);
        usableStores = Set.copyOf(usableStores);
        usableMccs = Set.copyOf(usableMccs);
        skus = Set.copyOf(skus);
        categories = Set.copyOf(categories);
        acceptedMedia = Set.copyOf(acceptedMedia);
        acceptedBrands = Set.copyOf(acceptedBrands);
    }

    /** The same terms under the campaign's current state, which, unlike the terms, changes over time. */
    public CouponTerms inState(CampaignState state) {
        return state == campaignState ? this : new CouponTerms(campaignId, merchantId, state, title, kind, currency, discount,
                grant, timeZone, validFrom, validUntil, usableMerchants, usableStores, usableMccs, skus, categories,
                minSpendMinor, acceptedMedia, acceptedBrands, stacking, budget);
    }

    /** Whether the campaign lets this merchant accept its coupons at all. */
    public boolean usableAtMerchant(UUID merchant) {
        return usableMerchants.isEmpty() ? merchantId.equals(merchant) : usableMerchants.contains(merchant);
    }

    /** Only some items of the basket count towards the discount and the minimum spend. */
    public boolean restrictsItems() {
        return !skus.isEmpty() || !categories.isEmpty();
    }

    public Money minSpend() {
        return minSpendMinor == null ? null : new Money(minSpendMinor, currency);
    }

    /** What the coupon does, in one line for the printed slip. */
    public String offer() {
        String offer = kind == CouponKind.DISCOUNT ? discount.describe(currency) : grant.text();
        Money minimum = minSpend();
        return minimum == null ? offer : offer + ", on a spend of " + Amounts.display(minimum) + " or more";
    }
}
