package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.usage.UsageEvent;

import java.util.List;
import java.util.UUID;

/** Adds new uses of coupons, whose ids the domain assigns. */
interface NewReservations {

    /**
     * Takes one use of each of the reservation's coupons, records the reservation with its redemptions, appends its
     * usage events and records the outcome of the terminal's call under its Idempotency-Key, all in one statement
     * that commits by itself: all of it, or, unless every coupon had a use free, none of it.
     *
     * @param outcome the values of the call's {@code idempotency_record} row
     *                ({@link com.cardcoupons.platform.idempotency.IdempotentCall#outcome})
     */
    Addition add(Reservation reservation, List<UsageEvent> events, List<Object> outcome);

    /**
     * What became of a new use; nothing was written unless it was {@link #added()}.
     *
     * @param usedUp            the coupons that had no use free
     * @param transactionHasUse the terminal's transaction already has a live use of coupons (the partial unique index
     *                          {@code reservation_one_live_per_transaction})
     * @param keyTaken          another call recorded its outcome under the same Idempotency-Key first
     */
    record Addition(List<UUID> usedUp, boolean transactionHasUse, boolean keyTaken) {

        public Addition {
            usedUp = List.copyOf(usedUp);
        }

        boolean added() {
            return usedUp.isEmpty() && !transactionHasUse && !keyTaken;
        }
    }
}
