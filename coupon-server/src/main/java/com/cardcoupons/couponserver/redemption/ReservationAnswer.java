package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.model.terminal.ReservationResponse;

/** A reservation as the terminal reads it. */
final class ReservationAnswer {

    private ReservationAnswer() {
    }

    static ReservationResponse of(Reservation reservation) {
        return new ReservationResponse(
                reservation.id(),
                reservation.transactionId(),
                reservation.state(),
                reservation.redemptions().stream().map(redemption -> new ReservationResponse.RedeemedCoupon(
                        redemption.id(), redemption.coupon().code(), redemption.coupon().title(),
                        redemption.coupon().kind(), redemption.discount(), redemption.coupon().grant(),
                        redemption.state())).toList(),
                reservation.discount(),
                reservation.payable(),
                reservation.holdUntil());
    }
}
