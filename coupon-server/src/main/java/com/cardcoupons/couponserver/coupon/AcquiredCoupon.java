package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;

import java.util.UUID;

/**
 * A coupon as registration-api acquired it on a usage medium: its {@code coupon} row, which coupon-server only reads.
 * What a redemption shows of its coupon; the till's view, with terms and free uses, is {@link Coupon}.
 */
public record AcquiredCoupon(UUID id, String code, UUID campaignId, UUID versionId, CardToken cardToken,
                             MediumType mediumType, String channel) {
}
