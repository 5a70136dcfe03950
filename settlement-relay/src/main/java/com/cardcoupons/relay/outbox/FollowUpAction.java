package com.cardcoupons.relay.outbox;

/** What a follow-up does. */
public enum FollowUpAction {
    REVERSE_AUTHORIZATION, CONFIRM_COUPONS, RELEASE_COUPONS
}
