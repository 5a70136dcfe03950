package com.cardcoupons.model.terminal;

import com.cardcoupons.model.money.Money;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a search: every usable coupon with its computed effect, best first; the best combination the
 * stacking rules allow; and, when asked, the coupons that did not match with why.
 */
public record CouponSearchResponse(
        UUID searchId,
        List<UsableCoupon> usable,
        Combination bestCombination,
        List<UnusableCoupon> unusable) {

    /** A coupon usable for the intended use and what it would do. */
    public record UsableCoupon(
            UUID couponId,
            String code,
            UUID campaignId,
            String title,
            CouponKind kind,
            Stacking stacking,
            Effect effect,
            int usesLeft,
            Instant expiresAt) {
    }

    /**
     * The effect of a coupon on the intended use: the discount and the amount payable after it; for a benefit or a
     * ticket the discount is zero, the amount is unchanged, and {@code grant} says what the holder is entitled to.
     */
    public record Effect(Money discount, Money payable, String grant) {
    }

    /** The coupons to use together for the lowest amount payable, with the benefits and tickets that come along. */
    public record Combination(List<String> couponCodes, Money totalDiscount, Money payable) {
    }

    /** A coupon of the medium that cannot be used for this intended use, with every reason. */
    public record UnusableCoupon(String code, String title, List<Reason> reasons) {
    }

    /** Why a coupon cannot be used: a stable code to switch on and a sentence for support staff. */
    public record Reason(String code, String detail) {
    }
}
