package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import com.cardcoupons.relay.settlement.ReversalMessage;
import com.cardcoupons.relay.settlement.ReversalRefused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that must still reach the card settlement center or coupon-server for a payment: the reversal of an
 * authorization, or the confirmation or release of held coupons. A reversal is armed before its authorization is sent,
 * a release right after its coupons are held; the payment's answer then fires them, or cancels a reversal its
 * authorization no longer needs, or turns a release into a confirmation, and a sender works the pending ones until
 * each is acknowledged or refused. Every move is guarded: a follow-up is decided once, and only a pending one is sent.
 * The payment's answer makes its moves in the statement that records it ({@code PaymentStatements}), as updates
 * conditional on the same states.
 */
@Entity
@Table(name = "settlement_outbox")
public class FollowUp {

    private static final int MAX_ERROR = 500;

    @Id
    private UUID id;

    @Column(name = "payment_id")
    private UUID paymentId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "payment_id", insertable = false, updatable = false)
    private PaymentOrigin origin;

    @Enumerated(EnumType.STRING)
    private FollowUpAction action;

    private UUID authorizationId;

    @Enumerated(EnumType.STRING)
    private AuthorizationLeg leg;

    private UUID reservationId;

    @JdbcTypeCode(SqlTypes.CHAR)
    private Currency currency;

    private Long amountMinor;

    private String cardAcceptorTerminalId;

    private String cardAcceptorId;

    private String originalStan;

    private Instant originalTransmittedAt;

    private String retrievalReference;

    private String stan;

    private Long replacementMinor;

    private boolean advice = true;

    @Enumerated(EnumType.STRING)
    private FollowUpState state;

    private int attempts;

    private Instant nextAttemptAt;

    private String lastError;

    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    private Instant finishedAt;

    protected FollowUp() {
    }

    private FollowUp(UUID paymentId, FollowUpAction action, UUID authorizationId, AuthorizationLeg leg, Money amount,
            UUID reservationId, FollowUpState state, Instant nextAttemptAt) {
        this.id = UUID.randomUUID();
        this.paymentId = paymentId;
        this.action = action;
        this.authorizationId = authorizationId;
        this.leg = leg;
        this.currency = amount == null ? null : amount.currency();
        this.amountMinor = amount == null ? null : amount.amountMinor();
        this.reservationId = reservationId;
        this.state = state;
        this.nextAttemptAt = nextAttemptAt;
    }

    /**
     * The reversal of an authorization about to be sent as {@code trace}, under its own STAN {@code stan}: it fires
     * at the payment's deadline unless the payment decides first.
     */
    public static FollowUp reversal(UUID paymentId, UUID authorizationId, AuthorizationLeg leg, Money amount, Instant deadline,
            MessageTrace trace, String stan) {
        FollowUp reversal = new FollowUp(paymentId, FollowUpAction.REVERSE_AUTHORIZATION, authorizationId, leg, amount,
                null, FollowUpState.ARMED, deadline);
        reversal.cardAcceptorTerminalId = trace.terminal();
        reversal.cardAcceptorId = trace.merchant();
        reversal.originalStan = trace.stan();
        reversal.originalTransmittedAt = trace.transmittedAt();
        reversal.retrievalReference = trace.retrievalReference();
        reversal.stan = stan;
        return reversal;
    }

    /** The release of coupons just held, armed until the payment decides; due at once for a payment already decided. */
    public static FollowUp couponRelease(UUID paymentId, UUID reservationId, boolean armed, Instant deadline, Instant now) {
        return new FollowUp(paymentId, FollowUpAction.RELEASE_COUPONS, null, null, null, reservationId,
                armed ? FollowUpState.ARMED : FollowUpState.PENDING, armed ? deadline : now);
    }

    /**
     * The partial reversal of an approved authorization sent as {@code trace}, lowering it to {@code replacement}
     * (field 95), under its own STAN: due now, online (0400) first.
     */
    public static FollowUp partialReversal(UUID paymentId, UUID authorizationId, AuthorizationLeg leg, Money amount,
            Money replacement, MessageTrace trace, String stan, Instant now) {
        FollowUp partial = reversal(paymentId, authorizationId, leg, amount, now, trace, stan);
        partial.state = FollowUpState.PENDING;
        partial.advice = false;
        partial.replacementMinor = replacement.amountMinor();
        return partial;
    }

    /** Coupons armed for release are to be confirmed instead: due now. */
    public void confirmCoupons(Instant now) {
        require(state == FollowUpState.ARMED && action == FollowUpAction.RELEASE_COUPONS,
                "only coupons armed for release are confirmed instead");
        action = FollowUpAction.CONFIRM_COUPONS;
        state = FollowUpState.PENDING;
        nextAttemptAt = now;
    }

    /**
     * The authorization must be undone, or the coupons released: due now. A reversal goes as an advice, for its
     * authorization was never answered.
     */
    public void fire(Instant now) {
        require(state == FollowUpState.ARMED, "only an armed follow-up fires");
        state = FollowUpState.PENDING;
        nextAttemptAt = now;
        advice = true;
    }

    /**
     * This attempt's reversal message: an approved authorization is reversed online first (0400), then by advice; an
     * unanswered one by advice from the start (0420), and every advice after the first is its repeat (0421).
     *
     * @throws ReversalRefused for a reversal queued before the relay kept traces: it cannot be sent over ISO 8583
     */
    public ReversalMessage reversalMessage() {
        require(action == FollowUpAction.REVERSE_AUTHORIZATION, "only a reversal has a reversal message");
        if (originalStan == null) {
            throw new ReversalRefused("reversal " + id + " was queued before ISO 8583 and carries no trace to send", null);
        }
        int advices = advice ? attempts : attempts - 1;
        ReversalMessage.Type type = !advice && attempts <= 1 ? ReversalMessage.Type.REVERSAL
                : advices <= 1 ? ReversalMessage.Type.ADVICE : ReversalMessage.Type.ADVICE_REPEAT;
        Money replacement = replacementMinor == null ? null : new Money(replacementMinor, currency);
        return new ReversalMessage(authorizationId, new MessageTrace(cardAcceptorTerminalId, cardAcceptorId, originalStan,
                originalTransmittedAt, retrievalReference), stan, amount(), replacement, type);
    }

    /** Acknowledged by the other side. */
    public void done(Instant now) {
        finish(FollowUpState.DONE, null, now);
    }

    /** Refused for good: left for a person, with the reason. */
    public void failed(String error, Instant now) {
        finish(FollowUpState.FAILED, error, now);
    }

    /** Not acknowledged: tried again at {@code next}. */
    public void retryAt(Instant next, String error) {
        require(state == FollowUpState.PENDING, "only a pending follow-up is retried");
        nextAttemptAt = next;
        lastError = truncate(error);
    }

    private void finish(FollowUpState outcome, String error, Instant now) {
        require(state == FollowUpState.PENDING, "only a pending follow-up is finished");
        state = outcome;
        lastError = truncate(error);
        finishedAt = now;
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalStateException(rule);
        }
    }

    public UUID id() {
        return id;
    }

    public UUID paymentId() {
        return paymentId;
    }

    public FollowUpAction action() {
        return action;
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

    /** Whether this reversal only lowers its authorization (to {@link #replacement()}). */
    public boolean partial() {
        return replacementMinor != null;
    }

    /** The amount a partial reversal leaves authorized; null for a full reversal. */
    public Money replacement() {
        return replacementMinor == null ? null : new Money(replacementMinor, currency);
    }

    /** The reversal's own STAN. */
    public String stan() {
        return stan;
    }

    public String retrievalReference() {
        return retrievalReference;
    }

    public UUID reservationId() {
        return reservationId;
    }

    /** How many times it was claimed for sending. */
    public int attempt() {
        return attempts;
    }

    /** The terminal the payment came from, on whose behalf coupon-server is called. */
    public CallerIdentity terminal() {
        return origin.terminal();
    }

    /** The correlation id of the request that made the payment, if it was kept. */
    public Optional<String> correlationId() {
        return origin.correlationId();
    }
}
