package com.cardcoupons.relay.payment;

import java.util.List;
import java.util.UUID;

/**
 * How a payment ends: the answer to the terminal; the authorization that stands (none unless approved); the ones to
 * reverse (approved or unanswered, but not standing); the declined ones, which hold nothing; and, when coupons were
 * held, whether they are confirmed (the discount was charged) or released.
 */
record Settlement(PaymentOutcome outcome, SentAuthorization standing, List<SentAuthorization> toReverse,
        List<SentAuthorization> declined, UUID reservationId, boolean confirmCoupons) {

    Settlement {
        toReverse = List.copyOf(toReverse);
        declined = List.copyOf(declined);
    }

    /** Whether anything is left to send once the terminal has its answer: a reversal, or coupons to settle. */
    boolean leavesFollowUps() {
        return !toReverse.isEmpty() || reservationId != null;
    }
}
