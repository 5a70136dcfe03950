package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.AcquiredCoupon;
import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.couponserver.coupon.CouponTerms;
import com.cardcoupons.model.terminal.CouponKind;

import java.util.UUID;

/** The coupon a redemption uses, with what the usage log and the terminal need to know about it. */
public record RedeemedCouponRef(UUID id, UUID campaignId, String code, String title, CouponKind kind, String grant,
                                String cardToken, String mediumType, String channel) {

    static RedeemedCouponRef of(Coupon coupon) {
        CouponTerms terms = coupon.terms();
        return new RedeemedCouponRef(coupon.id(), terms.campaignId(), coupon.code(), terms.title(), terms.kind(),
                terms.grant() == null ? null : terms.grant().text(), coupon.cardToken().value(),
                coupon.mediumType().name(), coupon.channel());
    }

    static RedeemedCouponRef of(AcquiredCoupon coupon, CouponTerms terms) {
        return new RedeemedCouponRef(coupon.id(), coupon.campaignId(), coupon.code(), terms.title(), terms.kind(),
                terms.grant() == null ? null : terms.grant().text(), coupon.cardToken().value(),
                coupon.mediumType().name(), coupon.channel());
    }
}
