package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Combination;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One purchase's use of one card's coupons at a terminal: held for a short while and then confirmed or released
 * (two-phase), or confirmed at once. A hold nobody settles expires. A confirmed use can be reversed, wholly or coupon by
 * coupon. Each transition decides what changes and returns the redemptions it changed, so the caller gives back their
 * uses and logs them, and {@link Reservations} writes what it decided. Coupons are another aggregate: a redemption
 * refers to its coupon by id and card.
 */
public class Reservation {

    private final UUID id;
    private final CardToken card;
    private final Till till;
    private final String transactionId;
    private final Currency currency;
    private final long amountMinor;
    private final long discountMinor;
    private final Instant createdAt;
    private final List<Redemption> redemptions = new ArrayList<>();
    private ReservationState state;
    private Instant holdUntil;
    private Instant settledAt;

    private Reservation(UUID id, CardToken card, Till till, String transactionId, Money amount, Money discount,
            Instant createdAt, ReservationState state, Instant holdUntil, Instant settledAt) {
        this.id = id;
        this.card = card;
        this.till = till;
        this.transactionId = transactionId;
        this.currency = amount.currency();
        this.amountMinor = amount.amountMinor();
        this.discountMinor = discount.amountMinor();
        this.createdAt = createdAt;
        this.state = state;
        this.holdUntil = holdUntil;
        this.settledAt = settledAt;
    }

    private static Reservation of(CardToken card, Till till, String transactionId, Combination combination, Instant now,
            ReservationState state, Instant holdUntil, Instant settledAt) {
        Reservation reservation = new Reservation(TimeOrderedIds.next(), card, till, transactionId, combination.amount(),
                combination.totalDiscount(), now, state, holdUntil, settledAt);
        combination.coupons().forEach(applied -> reservation.redemptions.add(new Redemption(reservation,
                applied.match().coupon(), applied.discount(), now)));
        return reservation;
    }

    /** The first phase: the card's coupons are held until {@code now + hold}. */
    static Reservation hold(CardToken card, Till till, String transactionId, Combination combination, Instant now,
            Duration hold) {
        return of(card, till, transactionId, combination, now, ReservationState.RESERVED, now.plus(hold), null);
    }

    /** A use without a payment flow to wait for: confirmed at once. */
    static Reservation useNow(CardToken card, Till till, String transactionId, Combination combination, Instant now) {
        return of(card, till, transactionId, combination, now, ReservationState.CONFIRMED, null, now);
    }

    /** A reservation as stored, with its redemptions as {@code redemptions} makes them for it. */
    static Reservation restore(UUID id, CardToken card, Till till, String transactionId, Money amount, Money discount,
            Instant createdAt, ReservationState state, Instant holdUntil, Instant settledAt,
            Function<Reservation, List<Redemption>> redemptions) {
        Reservation reservation = new Reservation(id, card, till, transactionId, amount, discount, createdAt, state,
                holdUntil, settledAt);
        reservation.redemptions.addAll(redemptions.apply(reservation));
        return reservation;
    }

    /** Settles a hold as a use. Confirming again changes nothing; a hold that ran out cannot be confirmed. */
    List<Redemption> confirm(Instant now) {
        if (state == ReservationState.CONFIRMED) {
            return List.of();
        }
        if (state != ReservationState.RESERVED) {
            throw DomainException.conflict("RESERVATION_NOT_HELD",
                    "the reservation was " + state.name().toLowerCase() + " and cannot be confirmed");
        }
        if (isDue(now)) {
            throw DomainException.conflict("RESERVATION_EXPIRED",
                    "the hold ran out at " + holdUntil + "; reserve the coupons again");
        }
        return settle(ReservationState.CONFIRMED, now);
    }

    /** Gives the held coupons back. Releasing again, or after the hold expired, changes nothing. */
    List<Redemption> release(Instant now) {
        if (state == ReservationState.RELEASED || state == ReservationState.EXPIRED) {
            return List.of();
        }
        if (state != ReservationState.RESERVED) {
            throw DomainException.conflict("RESERVATION_CONFIRMED", "a confirmed use is undone by a reversal, not a release");
        }
        return settle(ReservationState.RELEASED, now);
    }

    /** Ends a hold nobody settled in time; anything else is left alone. */
    List<Redemption> expire(Instant now) {
        if (!isDue(now)) {
            return List.of();
        }
        return settle(ReservationState.EXPIRED, now);
    }

    /**
     * Undoes a confirmed use of the given coupons (all not yet reversed when none are given). The purchase is
     * reversed when its last coupon is. A refused coupon is named by its place in the request's {@code couponCodes}.
     */
    List<Redemption> reverse(List<UUID> couponIds, ReversalType type, String reason, Instant now) {
        if (state != ReservationState.CONFIRMED) {
            throw DomainException.conflict("RESERVATION_NOT_CONFIRMED",
                    "only a confirmed use can be reversed; this one is " + state.name().toLowerCase());
        }
        List<Redemption> targets = couponIds.isEmpty()
                ? redemptions.stream().filter(redemption -> redemption.state() != ReservationState.REVERSED).toList()
                : named(couponIds);
        Redemption.Reversal how = new Redemption.Reversal(type, reason, now);
        targets.forEach(redemption -> redemption.reverse(how));
        if (redemptions.stream().allMatch(redemption -> redemption.state() == ReservationState.REVERSED)) {
            state = ReservationState.REVERSED;
        }
        return List.copyOf(targets);
    }

    private List<Redemption> named(List<UUID> couponIds) {
        List<Redemption> named = new ArrayList<>();
        for (int i = 0; i < couponIds.size(); i++) {
            String field = "couponCodes[" + i + "]";
            UUID couponId = couponIds.get(i);
            Redemption redemption = redemptions.stream().filter(candidate -> candidate.couponId().equals(couponId))
                    .findFirst().orElseThrow(() -> notInReservation(field));
            if (redemption.state() == ReservationState.REVERSED) {
                throw DomainException.conflict("ALREADY_REVERSED", "this coupon was already reversed").under(field);
            }
            named.add(redemption);
        }
        return named;
    }

    static DomainException notInReservation(String field) {
        return new DomainException(DomainException.Kind.UNPROCESSABLE, "COUPON_NOT_IN_RESERVATION", field,
                "this coupon was not used in the purchase");
    }

    boolean isDue(Instant now) {
        return state == ReservationState.RESERVED && !now.isBefore(holdUntil);
    }

    private List<Redemption> settle(ReservationState next, Instant now) {
        state = next;
        holdUntil = null;
        settledAt = now;
        redemptions.forEach(redemption -> redemption.settle(next, now));
        return List.copyOf(redemptions);
    }

    public UUID id() {
        return id;
    }

    /** The card whose coupons the purchase used. */
    public CardToken card() {
        return card;
    }

    public Till till() {
        return till;
    }

    public String transactionId() {
        return transactionId;
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    public Money discount() {
        return new Money(discountMinor, currency);
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

    /** The coupons the purchase used. */
    public Set<UUID> couponIds() {
        return redemptions.stream().map(Redemption::couponId).collect(Collectors.toSet());
    }

    /** What the purchase pays once every coupon still in use is applied. */
    public Money payable() {
        return amount().minus(discount());
    }
}
