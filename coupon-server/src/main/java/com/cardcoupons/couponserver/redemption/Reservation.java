package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Combination;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One purchase's use of coupons at a terminal: held for a short while and then confirmed or released (two-phase),
 * or confirmed at once. A hold nobody settles expires. A confirmed use can be reversed, wholly or coupon by coupon.
 * Each transition returns the redemptions it changed, so the caller gives back their uses and logs them.
 */
public final class Reservation {

    private final UUID id;
    private final Till till;
    private final String transactionId;
    private final Money amount;
    private final Money discount;
    private final Instant createdAt;
    private ReservationState state;
    private Instant holdUntil;
    private Instant settledAt;
    private final List<Redemption> redemptions;

    Reservation(UUID id, Till till, String transactionId, Money amount, Money discount, Instant createdAt,
            ReservationState state, Instant holdUntil, Instant settledAt, List<Redemption> redemptions) {
        this.id = id;
        this.till = till;
        this.transactionId = transactionId;
        this.amount = amount;
        this.discount = discount;
        this.createdAt = createdAt;
        this.state = state;
        this.holdUntil = holdUntil;
        this.settledAt = settledAt;
        this.redemptions = new ArrayList<>(redemptions);
    }

    /** The first phase: the coupons are held until {@code now + hold}. */
    static Reservation hold(Till till, String transactionId, Combination combination, Instant now, Duration hold) {
        return create(till, transactionId, combination, now, ReservationState.RESERVED, now.plus(hold), null);
    }

    /** A use without a payment flow to wait for: confirmed at once. */
    static Reservation useNow(Till till, String transactionId, Combination combination, Instant now) {
        return create(till, transactionId, combination, now, ReservationState.CONFIRMED, null, now);
    }

    private static Reservation create(Till till, String transactionId, Combination combination, Instant now,
            ReservationState state, Instant holdUntil, Instant settledAt) {
        List<Redemption> redemptions = combination.coupons().stream()
                .map(applied -> new Redemption(UUID.randomUUID(), RedeemedCouponRef.of(applied.match().coupon()),
                        applied.discount(), state, settledAt, null))
                .toList();
        return new Reservation(UUID.randomUUID(), till, transactionId, combination.amount(),
                combination.totalDiscount(), now, state, holdUntil, settledAt, redemptions);
    }

    /** Settles a hold as a use. Confirming again changes nothing; a hold that ran out cannot be confirmed. */
    List<Redemption> confirm(Instant now) {
        if (state == ReservationState.CONFIRMED) {
            return List.of();
        }
        if (state != ReservationState.RESERVED) {
            throw conflict("RESERVATION_NOT_HELD", "the reservation was " + state.name().toLowerCase() + " and cannot be confirmed");
        }
        if (isDue(now)) {
            throw conflict("RESERVATION_EXPIRED", "the hold ran out at " + holdUntil + "; reserve the coupons again");
        }
        return settle(ReservationState.CONFIRMED, now);
    }

    /** Gives the held coupons back. Releasing again, or after the hold expired, changes nothing. */
    List<Redemption> release(Instant now) {
        if (state == ReservationState.RELEASED || state == ReservationState.EXPIRED) {
            return List.of();
        }
        if (state != ReservationState.RESERVED) {
            throw conflict("RESERVATION_CONFIRMED", "a confirmed use is undone by a reversal, not a release");
        }
        return settle(ReservationState.RELEASED, now);
    }

    /** Ends a hold nobody settled in time; anything else is left alone. */
    List<Redemption> expire(Instant now) {
        if (state != ReservationState.RESERVED || !isDue(now)) {
            return List.of();
        }
        return settle(ReservationState.EXPIRED, now);
    }

    /**
     * Undoes a confirmed use of the named coupons (all not yet reversed when none are named). The purchase is
     * reversed when its last coupon is.
     */
    List<Redemption> reverse(Collection<String> codes, ReversalType type, String reason, Instant now) {
        if (state != ReservationState.CONFIRMED) {
            throw conflict("RESERVATION_NOT_CONFIRMED", "only a confirmed use can be reversed; this one is "
                    + state.name().toLowerCase());
        }
        Map<String, Redemption> byCode = redemptions.stream()
                .collect(Collectors.toMap(redemption -> redemption.coupon().code(), Function.identity()));
        List<String> targets = !codes.isEmpty() ? List.copyOf(codes) : redemptions.stream()
                .filter(redemption -> redemption.state() != ReservationState.REVERSED)
                .map(redemption -> redemption.coupon().code()).toList();
        for (int i = 0; i < targets.size(); i++) {
            Redemption redemption = byCode.get(targets.get(i));
            if (redemption == null) {
                throw new DomainException(DomainException.Kind.UNPROCESSABLE, "COUPON_NOT_IN_RESERVATION",
                        "couponCodes[" + i + "]", "this coupon was not used in the purchase");
            }
            if (redemption.state() == ReservationState.REVERSED) {
                throw conflict("ALREADY_REVERSED", "coupon " + redemption.coupon().code() + " was already reversed");
            }
        }
        Redemption.Reversal how = new Redemption.Reversal(type, reason, now);
        List<Redemption> changed = new ArrayList<>();
        redemptions.replaceAll(redemption -> {
            if (!targets.contains(redemption.coupon().code())) {
                return redemption;
            }
            Redemption reversed = redemption.reversed(how);
            changed.add(reversed);
            return reversed;
        });
        if (redemptions.stream().allMatch(redemption -> redemption.state() == ReservationState.REVERSED)) {
            state = ReservationState.REVERSED;
        }
        return changed;
    }

    boolean isDue(Instant now) {
        return state == ReservationState.RESERVED && !now.isBefore(holdUntil);
    }

    private List<Redemption> settle(ReservationState next, Instant now) {
        state = next;
        holdUntil = null;
        settledAt = now;
        redemptions.replaceAll(redemption -> redemption.moveTo(next, now));
        return List.copyOf(redemptions);
    }

    private static DomainException conflict(String code, String message) {
        return DomainException.conflict(code, message);
    }

    public UUID id() {
        return id;
    }

    public Till till() {
        return till;
    }

    public String transactionId() {
        return transactionId;
    }

    public Money amount() {
        return amount;
    }

    public Money discount() {
        return discount;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public ReservationState state() {
        return state;
    }

    public Instant holdUntil() {
        return holdUntil;
    }

    public Instant settledAt() {
        return settledAt;
    }

    public List<Redemption> redemptions() {
        return List.copyOf(redemptions);
    }

    /** What the purchase pays once every coupon still in use is applied. */
    public Money payable() {
        return amount.minus(discount);
    }
}
