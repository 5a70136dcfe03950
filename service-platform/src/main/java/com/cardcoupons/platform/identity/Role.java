package com.cardcoupons.platform.identity;

/** What a verified caller may be. */
public enum Role {
    /** Submits and manages its own merchant's campaigns; reads their usage figures. */
    MERCHANT,
    /** Approves, rejects, suspends, resumes and ends campaigns. */
    APPROVER,
    /** A mobile app, web page or digital-broadcast receiver acquiring coupons and reading wallets. */
    CONSUMER_CHANNEL,
    /** A reception terminal (POS) bound to one merchant and store: searches, redeems and pays. */
    TERMINAL,
    /** Issues, rotates and revokes credentials; onboards merchants, their stores and terminals. */
    PLATFORM_ADMIN
}
