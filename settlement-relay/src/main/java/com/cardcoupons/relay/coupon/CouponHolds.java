package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Reserves the discount coupons for a payment, through the same circuit breaker as the search and within the
 * reservation timeout. The idempotency key is derived from the payment, so a repeated reservation is the same one.
 */
@Component
public class CouponHolds {

    private final CouponServer couponServer;
    private final CircuitBreaker breaker;

    CouponHolds(CouponServer couponServer, CircuitBreakerRegistry breakers) {
        this.couponServer = couponServer;
        this.breaker = breakers.circuitBreaker(CouponSearch.BREAKER);
    }

    public CouponHold hold(CallerIdentity terminal, UUID paymentId, String transactionId, List<String> couponCodes,
            PresentedCard card, IntendedUse intendedUse) {
        try {
            ReservationResponse reservation = breaker.executeSupplier(() -> couponServer.reserve(terminal, paymentId,
                    transactionId, couponCodes, card, intendedUse));
            if (reservation.state() != ReservationResponse.ReservationState.RESERVED || reservation.reservationId() == null) {
                return new CouponHold.NotHeld("RESERVATION_NOT_HELD", "coupon-server answered " + reservation.state());
            }
            List<AppliedCoupon> coupons = reservation.coupons() == null ? List.of() : reservation.coupons().stream()
                    .filter(Objects::nonNull)
                    .filter(coupon -> coupon.kind() == null || coupon.kind() == CouponKind.DISCOUNT)
                    .map(coupon -> new AppliedCoupon(coupon.code(), coupon.title(), coupon.discount()))
                    .toList();
            return new CouponHold.Held(reservation.reservationId(), coupons, reservation.totalDiscount(), reservation.payable());
        } catch (CallNotPermittedException open) {
            return new CouponHold.NotHeld("COUPON_SERVER_CIRCUIT_OPEN", "coupon-server is not being asked for a while");
        } catch (CouponServerRefusal refused) {
            return new CouponHold.NotHeld("RESERVATION_REFUSED", refused.getMessage());
        } catch (CouponServerUnavailable unavailable) {
            return new CouponHold.NotHeld("COUPON_SERVER_UNAVAILABLE", unavailable.getMessage());
        }
    }
}
