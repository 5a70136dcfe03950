package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.usage.UsageEvent;

import java.util.List;
import java.util.UUID;

/** Adds new uses of coupons, whose ids the domain assigns. */
interface NewReservations {

    /**
     * Takes one use of each of the reservation's coupons, records the reservation with its redemptions and appends its
     * usage events, in one statement. Only a coupon with a use free gives one; unless every coupon did, nothing of the
     * reservation is recorded, and the uses taken of the others stay with the transaction, which the caller must then
     * roll back by refusing the use.
     */
    Addition add(Reservation reservation, List<UsageEvent> events);

    /**
     * What became of a new use.
     *
     * @param usedUp            the coupons that had no use free
     * @param transactionHasUse the terminal's transaction already has a live use of coupons (the partial unique index
     *                          {@code reservation_one_live_per_transaction}); the database transaction can then only
     *                          roll back
     */
    record Addition(List<UUID> usedUp, boolean transactionHasUse) {

        public Addition {
            usedUp = List.copyOf(usedUp);
        }

        boolean added() {
            return usedUp.isEmpty() && !transactionHasUse;
        }
    }
}
