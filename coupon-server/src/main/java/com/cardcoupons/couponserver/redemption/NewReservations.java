package com.cardcoupons.couponserver.redemption;

/** Adds new reservations, whose ids the domain assigns. */
interface NewReservations {

    /**
     * Records a new reservation with its redemptions at once; false when the terminal's transaction already has a
     * live use of coupons (the partial unique index {@code reservation_one_live_per_transaction}), after which the
     * transaction can only roll back.
     */
    boolean add(Reservation reservation);
}
