package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * One step of one payment, in the append-only {@code settlement_journal}: written once, never changed (a trigger
 * refuses updates and deletes). Authorization steps name the authorization, its leg and amount; reversal steps the
 * authorization they undo; coupon steps the reservation and coupon codes. {@code occurredAt} is when the step
 * happened, which may be a moment before the commit that writes it; the sequence is the database's, in the order of
 * writing.
 */
public final class JournalEntry {

    private static final int MAX_DETAIL = 500;

    private final Long id;
    private final Instant occurredAt;
    private final UUID paymentId;
    private final JournalStep step;
    private final UUID authorizationId;
    private final AuthorizationLeg leg;
    private final Currency currency;
    private final Long amountMinor;
    private final String authorizationCode;
    private final String responseCode;
    private final UUID reservationId;
    private final List<String> couponCodes;
    private final String stan;
    private final String retrievalReference;
    private final String detail;

    private JournalEntry(Long id, UUID paymentId, Instant occurredAt, JournalStep step, UUID authorizationId, AuthorizationLeg leg,
            Money amount, String authorizationCode, String responseCode, UUID reservationId, List<String> couponCodes,
            String stan, String retrievalReference, String detail) {
        this.id = id;
        this.paymentId = paymentId;
        this.occurredAt = occurredAt;
        this.step = step;
        this.authorizationId = authorizationId;
        this.leg = leg;
        this.currency = amount == null ? null : amount.currency();
        this.amountMinor = amount == null ? null : amount.amountMinor();
        this.authorizationCode = authorizationCode;
        this.responseCode = responseCode;
        this.reservationId = reservationId;
        this.couponCodes = couponCodes == null || couponCodes.isEmpty() ? null : List.copyOf(couponCodes);
        this.stan = stan;
        this.retrievalReference = retrievalReference;
        this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }

    public static JournalEntry payment(UUID paymentId, Instant at, JournalStep step, Money amount, String detail) {
        return new JournalEntry(null, paymentId, at, step, null, null, amount, null, null, null, null, null, null, detail);
    }

    /** An authorization's step; {@code trace} is the message's as the settlement center knows it. */
    public static JournalEntry authorization(UUID paymentId, Instant at, JournalStep step, UUID authorizationId,
            AuthorizationLeg leg, Money amount, MessageTrace trace, String authorizationCode, String responseCode,
            String detail) {
        return new JournalEntry(null, paymentId, at, step, authorizationId, leg, amount, authorizationCode, responseCode, null,
                null, trace.stan(), trace.retrievalReference(), detail);
    }

    /** A reversal's step: {@code stan} is the reversal's own, {@code retrievalReference} its authorization's. */
    public static JournalEntry reversal(UUID paymentId, Instant at, JournalStep step, UUID authorizationId,
            AuthorizationLeg leg, Money amount, String stan, String retrievalReference, String detail) {
        return new JournalEntry(null, paymentId, at, step, authorizationId, leg, amount, null, null, null, null, stan,
                retrievalReference, detail);
    }

    public static JournalEntry coupons(UUID paymentId, Instant at, JournalStep step, UUID reservationId,
            List<String> couponCodes, Money discount, String detail) {
        return new JournalEntry(null, paymentId, at, step, null, null, discount, null, null, reservationId, couponCodes, null,
                null, detail);
    }

    /** An entry as the journal keeps it, at its place {@code sequence}. */
    static JournalEntry restore(long sequence, UUID paymentId, Instant at, JournalStep step, UUID authorizationId,
            AuthorizationLeg leg, Money amount, String authorizationCode, String responseCode, UUID reservationId,
            List<String> couponCodes, String stan, String retrievalReference, String detail) {
        return new JournalEntry(sequence, paymentId, at, step, authorizationId, leg, amount, authorizationCode, responseCode,
                reservationId, couponCodes, stan, retrievalReference, detail);
    }

    /** The entry's place in the journal, given when it was written; null before. */
    public Long sequence() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public JournalStep step() {
        return step;
    }

    public UUID authorizationId() {
        return authorizationId;
    }

    public AuthorizationLeg leg() {
        return leg;
    }

    public Money amount() {
        return currency == null ? null : new Money(amountMinor, currency);
    }

    public String authorizationCode() {
        return authorizationCode;
    }

    public String responseCode() {
        return responseCode;
    }

    public UUID reservationId() {
        return reservationId;
    }

    public List<String> couponCodes() {
        return couponCodes == null ? List.of() : couponCodes;
    }

    /** The STAN of the message the step concerns, as the settlement center knows it. */
    public String stan() {
        return stan;
    }

    public String retrievalReference() {
        return retrievalReference;
    }

    public String detail() {
        return detail;
    }
}
