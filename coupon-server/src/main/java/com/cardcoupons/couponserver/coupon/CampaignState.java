package com.cardcoupons.couponserver.coupon;

/** Where a campaign stands in its approval workflow; only an approved campaign's coupons can be used. */
public enum CampaignState {
    PENDING_APPROVAL, APPROVED, REJECTED, SUSPENDED, ENDED
}
