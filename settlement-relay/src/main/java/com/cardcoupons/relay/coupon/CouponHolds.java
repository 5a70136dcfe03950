package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.model.terminal.ReservationResponse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import com.cardcoupons.relay.MdcPropagation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * Reserves the discount coupons for a payment, through the same circuit breaker as the search and within the
 * reservation timeout, on threads of its own, so that the hold and the discounted authorization go out at once. The
 * idempotency key is derived from the payment, so a repeated reservation is the same one.
 */
@Component
public class CouponHolds implements DisposableBean {

    private final CouponServer couponServer;
    private final CircuitBreaker breaker;
    private final ThreadPoolTaskExecutor holds;

    CouponHolds(CouponServer couponServer, CircuitBreakerRegistry breakers, CouponServerProperties properties) {
        this.couponServer = couponServer;
        this.breaker = breakers.circuitBreaker(CouponSearch.BREAKER);
        this.holds = new ThreadPoolTaskExecutor();
        this.holds.setThreadNamePrefix("coupon-hold-");
        this.holds.setCorePoolSize(properties.searchThreads());
        this.holds.setMaxPoolSize(properties.searchThreads());
        this.holds.setQueueCapacity(properties.searchQueue());
        this.holds.setTaskDecorator(new MdcPropagation());
        this.holds.initialize();
    }

    /** Starts the hold now and returns at once; its answer is never a failure, only held or not held. */
    public CompletableFuture<CouponHold> start(CallerIdentity terminal, UUID paymentId, String transactionId,
            List<String> couponCodes, PresentedCard card, IntendedUse intendedUse) {
        try {
            return CompletableFuture.supplyAsync(() -> hold(terminal, paymentId, transactionId, couponCodes, card, intendedUse),
                    holds);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(new CouponHold.NotHeld("COUPON_HOLD_OVERLOADED", "too many holds at once"));
        }
    }

    @Override
    public void destroy() {
        holds.shutdown();
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
