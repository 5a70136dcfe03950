package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;

import java.time.Instant;
import java.util.UUID;

/** One coupon's use within a reservation, and where it stands. Changed only through its reservation. */
public class Redemption {

    private final UUID id;
    private final Reservation reservation;
    private final UUID couponId;
    private final UUID campaignId;
    private final long discountMinor;
    private final Instant createdAt;
    private ReservationState state;
    private Instant settledAt;
    private Reversal reversal;

    /** How and why a confirmed use was undone. */
    public record Reversal(ReversalType type, String reason, Instant at) {
    }

    Redemption(Reservation reservation, Coupon coupon, Money discount, Instant now) {
        this(TimeOrderedIds.next(), reservation, coupon.id(), coupon.campaignId(), discount.amountMinor(), now,
                reservation.state(), reservation.settledAt(), null);
    }

    /** A redemption as stored. */
    Redemption(UUID id, Reservation reservation, UUID couponId, UUID campaignId, long discountMinor, Instant createdAt,
            ReservationState state, Instant settledAt, Reversal reversal) {
        this.id = id;
        this.reservation = reservation;
        this.couponId = couponId;
        this.campaignId = campaignId;
        this.discountMinor = discountMinor;
        this.createdAt = createdAt;
        this.state = state;
        this.settledAt = settledAt;
        this.reversal = reversal;
    }

    /** Moves with its reservation; the first settlement is when the use was settled. */
    void settle(ReservationState next, Instant at) {
        state = next;
        if (settledAt == null) {
            settledAt = at;
        }
    }

    void reverse(Reversal how) {
        state = ReservationState.REVERSED;
        reversal = how;
    }

    public UUID id() {
        return id;
    }

    public UUID couponId() {
        return couponId;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public Money discount() {
        return new Money(discountMinor, reservation.amount().currency());
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReservationState state() {
        return state;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public Reversal reversal() {
        return reversal;
    }
}
