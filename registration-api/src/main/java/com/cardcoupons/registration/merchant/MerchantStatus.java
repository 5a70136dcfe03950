package com.cardcoupons.registration.merchant;

/** A merchant is onboarded ACTIVE; once CLOSED it takes no new stores, terminals or campaigns. */
public enum MerchantStatus {
    ACTIVE,
    CLOSED
}
