package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.registration.terms.TermsView;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A coupon as its holder sees it: the code to show or print, its state, the terms of the version it was acquired
 * under, its expiry (also in the campaign's local time), and the medium it is on, by last four characters only.
 */
public record CouponView(UUID couponId, String code, UUID campaignId, int campaignVersion, WalletState state,
                         TermsView terms, MediumView medium, Channel channel, int usesAllowed, int usesLeft,
                         Instant acquiredAt, Instant expiresAt, LocalDateTime expiresAtLocal, Instant cancelledAt) {

    public static CouponView of(HeldCoupon held, Instant now) {
        Coupon coupon = held.coupon();
        return new CouponView(coupon.id(), coupon.code().value(), coupon.campaignId(), held.version().number(),
                coupon.walletState(now, held.campaignState()), TermsView.of(held.version().terms()),
                MediumView.of(coupon.medium()), coupon.channel(), coupon.usesAllowed(), coupon.usesLeft(),
                coupon.acquiredAt(), coupon.expiresAt(), held.version().terms().window().local(coupon.expiresAt()),
                coupon.cancelledAt());
    }

    /** A usage medium as a person recognises it, never by its number. */
    public record MediumView(MediumType type, String lastFour, CardBrand brand, String program) {

        public static MediumView of(TokenizedMedium medium) {
            return new MediumView(medium.type(), medium.lastFour(), medium.brand(), medium.program());
        }
    }
}
