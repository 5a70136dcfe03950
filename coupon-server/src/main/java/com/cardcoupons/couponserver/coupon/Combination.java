package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.Stacking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Coupons used together in one purchase. The stacking rules: an {@link Stacking#EXCLUSIVE} coupon is used alone; any
 * number of {@link Stacking#STACKABLE} coupons go together, one per campaign. Each coupon's discount is computed on
 * the purchase as if alone, and the discounts are applied best first, each limited to what is still payable, so the
 * total never exceeds the amount.
 */
public record Combination(List<Applied> coupons, Money totalDiscount, Money payable) {

    private static final Comparator<Combination> BETTER = Comparator
            .comparingLong((Combination combination) -> combination.totalDiscount().amountMinor())
            .thenComparingLong(Combination::grantedValueMinor)
            .thenComparingInt(combination -> combination.coupons().size())
            .thenComparing(Combination::earliestExpiry, Comparator.reverseOrder());

    public Combination {
        coupons = List.copyOf(coupons);
    }

    /** One coupon's part: the discount it contributes after the coupons ranked before it. */
    public record Applied(CouponMatch match, Money discount) {
    }

    /**
     * The combination the stacking rules allow with the lowest amount payable; among equals, the one granting the
     * most, then the one using more coupons, then the one whose coupons expire first. Empty when nothing is usable.
     */
    public static Optional<Combination> best(List<CouponMatch> usable, Money amount) {
        List<Combination> candidates = new ArrayList<>();
        Map<UUID, CouponMatch> bestStackablePerCampaign = new LinkedHashMap<>();
        usable.stream().sorted(CouponMatch.BEST_FIRST).forEach(match -> {
            if (match.coupon().terms().stacking() == Stacking.EXCLUSIVE) {
                candidates.add(of(List.of(match), amount));
            } else {
                bestStackablePerCampaign.putIfAbsent(match.coupon().campaignId(), match);
            }
        });
        if (!bestStackablePerCampaign.isEmpty()) {
            candidates.add(of(List.copyOf(bestStackablePerCampaign.values()), amount));
        }
        return candidates.stream().max(BETTER);
    }

    /** The chosen coupons used together; refuses a choice the stacking rules do not allow. */
    public static Combination of(List<CouponMatch> chosen, Money amount) {
        if (chosen.size() > 1) {
            Set<UUID> campaigns = new HashSet<>();
            for (CouponMatch match : chosen) {
                if (match.coupon().terms().stacking() == Stacking.EXCLUSIVE) {
                    throw unprocessable("COUPON_NOT_STACKABLE", "coupon " + match.coupon().code()
                            + " cannot be combined with other coupons");
                }
                if (!campaigns.add(match.coupon().campaignId())) {
                    throw unprocessable("SAME_CAMPAIGN_TWICE", "only one coupon of a campaign can be used in a purchase");
                }
            }
        }
        Money remaining = amount;
        List<Applied> applied = new ArrayList<>();
        for (CouponMatch match : chosen.stream().sorted(CouponMatch.BEST_FIRST).toList()) {
            Money discount = match.effect().discount().min(remaining);
            remaining = remaining.minus(discount);
            applied.add(new Applied(match, discount));
        }
        return new Combination(applied, amount.minus(remaining), remaining);
    }

    /** The amount of the purchase before the discounts. */
    public Money amount() {
        return payable.plus(totalDiscount);
    }

    private long grantedValueMinor() {
        return coupons.stream().mapToLong(applied -> applied.match().effect().grant() == null ? 0
                : applied.match().effect().grant().valueMinor()).sum();
    }

    private Instant earliestExpiry() {
        return coupons.stream().map(applied -> applied.match().coupon().expiresAt()).min(Comparator.naturalOrder())
                .orElse(Instant.MAX);
    }

    private static DomainException unprocessable(String code, String message) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, code, "couponCodes", message);
    }
}
