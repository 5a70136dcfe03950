package com.cardcoupons.registration.wallet;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.problem.DomainException.Kind;
import com.cardcoupons.registration.campaign.Campaigns;
import com.cardcoupons.registration.coupon.CardHoldings;
import com.cardcoupons.registration.coupon.Channel;
import com.cardcoupons.registration.coupon.Coupon;
import com.cardcoupons.registration.coupon.Coupons;
import com.cardcoupons.registration.coupon.HeldCoupon;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * Cancels a coupon for its holder. Only an unused coupon that has not expired can be cancelled, by a conditional
 * update, so a use reserved at a till at the same moment wins or loses cleanly. The coupon then counts no more
 * towards the campaign's cap or the medium's limit; its row records when and through which channel it was cancelled,
 * which the usage reports read.
 */
@Component
class CouponCancellation {

    private final Coupons coupons;
    private final Campaigns campaigns;
    private final CardHoldings holdings;
    private final Clock clock;

    CouponCancellation(Coupons coupons, Campaigns campaigns, CardHoldings holdings, Clock clock) {
        this.coupons = coupons;
        this.campaigns = campaigns;
        this.holdings = holdings;
        this.clock = clock;
    }

    @Transactional
    HeldCoupon cancel(String code, TokenizedMedium medium, Channel channel) {
        Instant now = clock.instant();
        HeldCoupon held = find(code, medium);
        if (!coupons.cancel(held.coupon(), channel, now)) {
            throw whyNot(find(code, medium).coupon(), now);
        }
        campaigns.giveBackCoupon(held.coupon().campaignId());
        holdings.giveBack(held.coupon().campaignId(), medium.token());
        return find(code, medium);
    }

    /** Another medium's coupon is as good as none: the code alone proves nothing. */
    private HeldCoupon find(String code, TokenizedMedium medium) {
        return coupons.find(code, medium.token())
                .orElseThrow(() -> new DomainException(Kind.NOT_FOUND, "COUPON_NOT_FOUND", "couponCode",
                        "this medium holds no coupon with this code"));
    }

    private static DomainException whyNot(Coupon coupon, Instant now) {
        if (coupon.isCancelled()) {
            return new DomainException(Kind.UNPROCESSABLE, "COUPON_ALREADY_CANCELLED", "couponCode", "the coupon is already cancelled");
        }
        if (coupon.usesHeld() > 0) {
            return new DomainException(Kind.CONFLICT, "COUPON_IN_USE", "couponCode",
                    "the coupon has a use reserved or confirmed at a till and can no longer be cancelled");
        }
        if (coupon.isExpired(now)) {
            return new DomainException(Kind.UNPROCESSABLE, "COUPON_EXPIRED", "couponCode", "the coupon has expired");
        }
        throw new IllegalStateException("coupon " + coupon.id() + " could not be cancelled, for no known reason");
    }
}
