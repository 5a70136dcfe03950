package com.cardcoupons.couponserver.coupon;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A medium's coupons judged against one purchase: the usable ones best first with their effects, the best
 * combination, and the others with every reason. Coupons not valid at the purchase's merchant at all are left out:
 * another merchant's campaigns are none of a terminal's business.
 */
public record Evaluation(List<CouponMatch> usable, Optional<Combination> best, List<Unusable> unusable) {

    /** A coupon of the medium that cannot be used for the purchase. */
    public record Unusable(Coupon coupon, List<Refusal> refusals) {
    }

    public static Evaluation of(List<Coupon> coupons, Purchase purchase) {
        List<CouponMatch> usable = new ArrayList<>();
        List<Unusable> unusable = new ArrayList<>();
        for (Coupon coupon : coupons) {
            List<Refusal> refusals = Eligibility.refusals(coupon, purchase);
            if (refusals.isEmpty()) {
                usable.add(new CouponMatch(coupon, CouponEffect.of(coupon, purchase)));
            } else if (refusals.stream().noneMatch(refusal -> refusal.code().equals(Refusal.NOT_VALID_AT_MERCHANT))) {
                unusable.add(new Unusable(coupon, refusals));
            }
        }
        usable.sort(CouponMatch.BEST_FIRST);
        return new Evaluation(List.copyOf(usable), Combination.best(usable, purchase.amount()), List.copyOf(unusable));
    }
}
