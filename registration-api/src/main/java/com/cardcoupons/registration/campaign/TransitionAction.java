package com.cardcoupons.registration.campaign;

/** What a recorded approval step did. */
public enum TransitionAction {
    SUBMITTED, APPROVED, REJECTED, SUSPENDED, RESUMED, ENDED
}
