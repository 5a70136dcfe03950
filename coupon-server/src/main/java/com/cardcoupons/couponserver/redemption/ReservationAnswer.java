package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.model.terminal.ReservationResponse;

import java.net.URI;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;

/** A reservation as the terminal reads it, its coupons in the order of their codes. */
final class ReservationAnswer {

    private ReservationAnswer() {
    }

    /** Where a reservation is read back, and where the call that made it points. */
    static URI location(UUID reservationId) {
        return URI.create("/api/v1/reservations/" + reservationId);
    }

    static ReservationResponse of(Reservation reservation, Map<UUID, RedeemedCouponRef> coupons) {
        return new ReservationResponse(
                reservation.id(),
                reservation.transactionId(),
                reservation.state(),
                reservation.redemptions().stream().map(redemption -> {
                    RedeemedCouponRef coupon = coupons.get(redemption.couponId());
                    return new ReservationResponse.RedeemedCoupon(redemption.id(), coupon.code(), coupon.title(),
                            coupon.kind(), redemption.discount(), coupon.grant(), redemption.state());
                }).sorted(Comparator.comparing(ReservationResponse.RedeemedCoupon::code)).toList(),
                reservation.discount(),
                reservation.payable(),
                reservation.holdUntil());
    }
}
