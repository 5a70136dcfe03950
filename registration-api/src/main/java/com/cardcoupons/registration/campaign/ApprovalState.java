package com.cardcoupons.registration.campaign;

/** Where one version of a campaign's terms stands. */
public enum ApprovalState {
    PENDING_APPROVAL,
    APPROVED,
    REJECTED,
    /** Was approved, and a later approved version took its place; its coupons keep it. */
    SUPERSEDED,
    /** Was pending when the merchant submitted a newer version, or when the campaign ended. */
    WITHDRAWN
}
