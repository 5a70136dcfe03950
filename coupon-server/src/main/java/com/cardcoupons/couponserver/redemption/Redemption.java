package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Coupon;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One coupon's use within a reservation, and where it stands. Changed only through its reservation. */
@Entity
@Table(name = "redemption")
public class Redemption {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "reservation_id", updatable = false)
    private Reservation reservation;

    @Column(updatable = false)
    private UUID couponId;

    @Column(updatable = false)
    private UUID campaignId;

    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "use_state")
    private ReservationState state;

    @Column(updatable = false, columnDefinition = "minor_units")
    private long discountMinor;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant settledAt;

    @Embedded
    private Reversal reversal;

    /** How and why a confirmed use was undone. */
    @Embeddable
    public record Reversal(
            @Enumerated(EnumType.STRING) @Column(name = "reversal_type", columnDefinition = "reversal_type") ReversalType type,
            @Column(name = "reversal_reason", columnDefinition = "reversal_reason") String reason,
            @Column(name = "reversed_at") Instant at) {
    }

    protected Redemption() {
    }

    Redemption(Reservation reservation, Coupon coupon, Money discount, Instant now) {
        this.id = TimeOrderedIds.next();
        this.reservation = reservation;
        this.couponId = coupon.id();
        this.campaignId = coupon.campaignId();
        this.state = reservation.state();
        this.discountMinor = discount.amountMinor();
        this.createdAt = now;
        this.settledAt = reservation.settledAt();
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
