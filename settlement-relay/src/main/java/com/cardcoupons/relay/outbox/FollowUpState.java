package com.cardcoupons.relay.outbox;

/**
 * Where a follow-up stands: ARMED (waits for its payment's answer, or its deadline), PENDING (to be sent until
 * acknowledged), and finally DONE (acknowledged), CANCELLED (a reversal not needed) or FAILED (refused for good).
 */
public enum FollowUpState {
    ARMED, PENDING, DONE, CANCELLED, FAILED
}
