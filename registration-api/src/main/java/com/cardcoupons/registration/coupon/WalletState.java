package com.cardcoupons.registration.coupon;

/** How a coupon stands for its holder. */
public enum WalletState {
    /** Usable at the till. */
    ACTIVE,
    /** Its campaign is suspended for now. */
    SUSPENDED,
    /** Every use is reserved or confirmed at a till. */
    USED_UP,
    /** Past its expiry. */
    EXPIRED,
    /** Its campaign has ended. */
    ENDED,
    /** The holder cancelled it. */
    CANCELLED
}
