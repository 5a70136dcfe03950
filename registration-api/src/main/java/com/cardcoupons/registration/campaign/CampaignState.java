package com.cardcoupons.registration.campaign;

/** Where a campaign stands in its generation approval; coupons are acquired only while it is APPROVED. */
public enum CampaignState {
    PENDING_APPROVAL, APPROVED, REJECTED, SUSPENDED, ENDED
}
