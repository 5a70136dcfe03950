package com.cardcoupons.couponserver.search;

import com.cardcoupons.couponserver.coupon.Combination;
import com.cardcoupons.couponserver.coupon.CouponMatch;
import com.cardcoupons.couponserver.coupon.CouponTerms;
import com.cardcoupons.couponserver.coupon.Evaluation;
import com.cardcoupons.model.terminal.CouponSearchResponse;

import java.util.List;

/** A search's result as the terminal reads it. */
final class SearchAnswer {

    private SearchAnswer() {
    }

    static CouponSearchResponse of(CouponSearch.Result result, boolean explain) {
        Evaluation evaluation = result.evaluation();
        return new CouponSearchResponse(
                result.searchId(),
                evaluation.usable().stream().map(SearchAnswer::usable).toList(),
                evaluation.best().map(SearchAnswer::combination).orElse(null),
                explain ? evaluation.unusable().stream().map(SearchAnswer::unusable).toList() : null);
    }

    private static CouponSearchResponse.UsableCoupon usable(CouponMatch match) {
        CouponTerms terms = match.coupon().terms();
        return new CouponSearchResponse.UsableCoupon(match.coupon().id(), match.coupon().code(), terms.campaignId(),
                terms.title(), terms.kind(), terms.stacking(),
                new CouponSearchResponse.Effect(match.effect().discount(), match.effect().payable(),
                        match.effect().grant() == null ? null : match.effect().grant().text()),
                match.coupon().usesLeft(), match.coupon().expiresAt());
    }

    private static CouponSearchResponse.Combination combination(Combination combination) {
        List<String> codes = combination.coupons().stream().map(applied -> applied.match().coupon().code()).toList();
        return new CouponSearchResponse.Combination(codes, combination.totalDiscount(), combination.payable());
    }

    private static CouponSearchResponse.UnusableCoupon unusable(Evaluation.Unusable unusable) {
        return new CouponSearchResponse.UnusableCoupon(unusable.coupon().code(), unusable.coupon().terms().title(),
                unusable.refusals().stream().map(refusal -> new CouponSearchResponse.Reason(refusal.code(), refusal.detail())).toList());
    }
}
