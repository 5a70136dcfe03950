package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.outbox.FollowUp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How a payment ends: the answer to the terminal; the authorization that stands (none unless approved); the ones to
 * reverse (approved or unanswered, but not standing); the declined ones, which hold nothing; and, when coupons were
 * held, whether they are confirmed (the discount was charged) or released. What that means for the payment's
 * follow-ups is decided here, by their own moves ({@link #settleReversals}, {@link #couponSettlement}).
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

    /**
     * Moves the reversals the payment armed before sending each authorization ({@code armed}) as this settlement
     * decides: cancelled for the authorization that stands and for declined ones, which hold nothing; fired for the
     * others, online (0400) first for an approval no longer wanted, by advice (0420) for one never answered.
     *
     * @throws IllegalStateException when an authorization sent has no armed reversal among them, or one is left over
     */
    List<FollowUp> settleReversals(List<FollowUp> armed, Instant now) {
        List<FollowUp> moved = new ArrayList<>();
        List<SentAuthorization> kept = new ArrayList<>(declined);
        if (standing != null) {
            kept.add(standing);
        }
        for (SentAuthorization authorization : kept) {
            FollowUp reversal = reversalOf(authorization, armed);
            reversal.cancel(now);
            moved.add(reversal);
        }
        for (SentAuthorization authorization : toReverse) {
            FollowUp reversal = reversalOf(authorization, armed);
            reversal.fire(now, authorization.unanswered());
            moved.add(reversal);
        }
        if (moved.size() != armed.size()) {
            throw new IllegalStateException("every reversal armed for the payment is decided by its settlement");
        }
        return moved;
    }

    /** The follow-up that confirms or releases the coupons held for the payment, due now; none when none were held. */
    Optional<FollowUp> couponSettlement(UUID paymentId, Instant now) {
        return reservationId == null ? Optional.empty()
                : Optional.of(FollowUp.couponSettlement(paymentId, reservationId, confirmCoupons, now));
    }

    private static FollowUp reversalOf(SentAuthorization authorization, List<FollowUp> armed) {
        return armed.stream().filter(reversal -> reversal.authorizationId().equals(authorization.authorizationId()))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "authorization " + authorization.authorizationId() + " was sent without its reversal armed"));
    }
}
