package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
@Entity
@Table(name = "settlement_journal")
@Immutable
public class JournalEntry {

    private static final int MAX_DETAIL = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    private UUID paymentId;

    @Enumerated(EnumType.STRING)
    private JournalStep step;

    private UUID authorizationId;

    @Enumerated(EnumType.STRING)
    private AuthorizationLeg leg;

    @JdbcTypeCode(SqlTypes.CHAR)
    private Currency currency;

    private Long amountMinor;

    private String authorizationCode;

    private String responseCode;

    private UUID reservationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> couponCodes;

    private String stan;

    private String retrievalReference;

    private String detail;

    protected JournalEntry() {
    }

    private JournalEntry(UUID paymentId, Instant occurredAt, JournalStep step, UUID authorizationId, AuthorizationLeg leg,
            Money amount, String authorizationCode, String responseCode, UUID reservationId, List<String> couponCodes,
            String stan, String retrievalReference, String detail) {
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
        return new JournalEntry(paymentId, at, step, null, null, amount, null, null, null, null, null, null, detail);
    }

    /** An authorization's step; {@code trace} is the message's as the settlement center knows it. */
    public static JournalEntry authorization(UUID paymentId, Instant at, JournalStep step, UUID authorizationId,
            AuthorizationLeg leg, Money amount, MessageTrace trace, String authorizationCode, String responseCode,
            String detail) {
        return new JournalEntry(paymentId, at, step, authorizationId, leg, amount, authorizationCode, responseCode, null,
                null, trace.stan(), trace.retrievalReference(), detail);
    }

    /** A reversal's step: {@code stan} is the reversal's own, {@code retrievalReference} its authorization's. */
    public static JournalEntry reversal(UUID paymentId, Instant at, JournalStep step, UUID authorizationId,
            AuthorizationLeg leg, Money amount, String stan, String retrievalReference, String detail) {
        return new JournalEntry(paymentId, at, step, authorizationId, leg, amount, null, null, null, null, stan,
                retrievalReference, detail);
    }

    public static JournalEntry coupons(UUID paymentId, Instant at, JournalStep step, UUID reservationId,
            List<String> couponCodes, Money discount, String detail) {
        return new JournalEntry(paymentId, at, step, null, null, discount, null, null, reservationId, couponCodes, null,
                null, detail);
    }

    /** The entry's place in the journal, given when it was written. */
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
