package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;

import java.util.List;
import java.util.UUID;

/**
 * Coupon-server's terminal contracts ({@code com.cardcoupons.model.terminal}), called on behalf of the terminal
 * that sent the payment. Mutating calls carry an idempotency key derived from the payment they are made for, so a
 * repeat is answered as the first was.
 *
 * <p>Every method throws {@link CouponServerUnavailable} when no usable answer came back, and
 * {@link CouponServerRefusal} when coupon-server refused the request (a 4xx).
 */
public interface CouponServer {

    CouponSearchResponse search(CallerIdentity terminal, PresentedCard card, IntendedUse intendedUse);

    ReservationResponse reserve(CallerIdentity terminal, UUID paymentId, String transactionId, List<String> couponCodes,
            PresentedCard card, IntendedUse intendedUse);

    ReservationResponse confirm(CallerIdentity terminal, UUID paymentId, UUID reservationId);

    ReservationResponse release(CallerIdentity terminal, UUID paymentId, UUID reservationId);
}
