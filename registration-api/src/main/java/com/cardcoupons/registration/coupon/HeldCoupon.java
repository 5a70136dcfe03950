package com.cardcoupons.registration.coupon;

import com.cardcoupons.registration.campaign.CampaignState;
import com.cardcoupons.registration.campaign.CampaignVersion;

import java.util.UUID;

/** A coupon with the campaign version it was acquired under, and the merchant and state of its campaign now. */
public record HeldCoupon(Coupon coupon, CampaignVersion version, UUID merchantId, CampaignState campaignState) {
}
