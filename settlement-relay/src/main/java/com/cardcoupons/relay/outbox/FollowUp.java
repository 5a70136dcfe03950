package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import com.cardcoupons.relay.settlement.ReversalMessage;
import com.cardcoupons.relay.settlement.ReversalRefused;

import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that must still reach the card settlement center or coupon-server for a payment: the reversal of an
 * authorization, or the confirmation or release of held coupons. A reversal is armed before its authorization is sent;
 * the payment's answer then fires it, or cancels it when its authorization stands or was declined, and queues the
 * coupons' confirmation or release; a sender works the pending ones until each is acknowledged or refused. Every move
 * is made here and guarded: a follow-up is decided once, and only a pending one is sent or finished. Its repositories
 * ({@link SettlementOutbox}, and the payment's statements through {@link FollowUpRows}) store what a move decided, on
 * the condition that the row is still in the state the move started from, so a move that lost a race is refused
 * rather than written over the winner's.
 */
public class FollowUp {

    private static final int MAX_ERROR = 500;

    private final UUID id;
    private final UUID paymentId;
    private final PaymentOrigin origin;
    private FollowUpAction action;
    private final UUID authorizationId;
    private final AuthorizationLeg leg;
    private final UUID reservationId;
    private final Currency currency;
    private final Long amountMinor;
    private final String cardAcceptorTerminalId;
    private final String cardAcceptorId;
    private final String originalStan;
    private final Instant originalTransmittedAt;
    private final String retrievalReference;
    private final String stan;
    private final Long replacementMinor;
    private boolean advice;
    private FollowUpState state;
    private final int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant finishedAt;
    /** The state as stored, which a save expects to find; null until the follow-up is stored. */
    private FollowUpState recordedState;

    private FollowUp(UUID id, UUID paymentId, PaymentOrigin origin, FollowUpAction action, UUID authorizationId,
            AuthorizationLeg leg, UUID reservationId, Currency currency, Long amountMinor, String cardAcceptorTerminalId,
            String cardAcceptorId, String originalStan, Instant originalTransmittedAt, String retrievalReference,
            String stan, Long replacementMinor, boolean advice, FollowUpState state, int attempts, Instant nextAttemptAt,
            String lastError, Instant finishedAt, FollowUpState recordedState) {
        this.id = id;
        this.paymentId = paymentId;
        this.origin = origin;
        this.action = action;
        this.authorizationId = authorizationId;
        this.leg = leg;
        this.reservationId = reservationId;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.cardAcceptorTerminalId = cardAcceptorTerminalId;
        this.cardAcceptorId = cardAcceptorId;
        this.originalStan = originalStan;
        this.originalTransmittedAt = originalTransmittedAt;
        this.retrievalReference = retrievalReference;
        this.stan = stan;
        this.replacementMinor = replacementMinor;
        this.advice = advice;
        this.state = state;
        this.attempts = attempts;
        this.nextAttemptAt = nextAttemptAt;
        this.lastError = lastError;
        this.finishedAt = finishedAt;
        this.recordedState = recordedState;
    }

    private static FollowUp reversal(UUID paymentId, UUID authorizationId, AuthorizationLeg leg, Money amount,
            Money replacement, MessageTrace trace, String stan, boolean advice, FollowUpState state, Instant nextAttemptAt) {
        return new FollowUp(UUID.randomUUID(), paymentId, null, FollowUpAction.REVERSE_AUTHORIZATION, authorizationId, leg,
                null, amount.currency(), amount.amountMinor(), trace.terminal(), trace.merchant(), trace.stan(),
                trace.transmittedAt(), trace.retrievalReference(), stan,
                replacement == null ? null : replacement.amountMinor(), advice, state, 0, nextAttemptAt, null, null, null);
    }

    private static FollowUp coupons(UUID paymentId, FollowUpAction action, UUID reservationId, FollowUpState state,
            Instant nextAttemptAt) {
        return new FollowUp(UUID.randomUUID(), paymentId, null, action, null, null, reservationId, null, null, null, null,
                null, null, null, null, null, true, state, 0, nextAttemptAt, null, null, null);
    }

    /**
     * The reversal of an authorization about to be sent as {@code trace}, under its own STAN {@code stan}: armed, it
     * fires at the payment's deadline unless the payment decides first.
     */
    public static FollowUp reversal(UUID paymentId, UUID authorizationId, AuthorizationLeg leg, Money amount, Instant deadline,
            MessageTrace trace, String stan) {
        return reversal(paymentId, authorizationId, leg, amount, null, trace, stan, true, FollowUpState.ARMED, deadline);
    }

    /** The release of coupons just held, armed until the payment decides; due at once for a payment already decided. */
    public static FollowUp couponRelease(UUID paymentId, UUID reservationId, boolean armed, Instant deadline, Instant now) {
        return coupons(paymentId, FollowUpAction.RELEASE_COUPONS, reservationId,
                armed ? FollowUpState.ARMED : FollowUpState.PENDING, armed ? deadline : now);
    }

    /** Coupons held for a payment just answered: confirmed when its discount stands, else released; due now. */
    public static FollowUp couponSettlement(UUID paymentId, UUID reservationId, boolean confirm, Instant now) {
        return coupons(paymentId, confirm ? FollowUpAction.CONFIRM_COUPONS : FollowUpAction.RELEASE_COUPONS, reservationId,
                FollowUpState.PENDING, now);
    }

    /**
     * The partial reversal of an approved authorization sent as {@code trace}, lowering it to {@code replacement}
     * (field 95), under its own STAN: due now, online (0400) first.
     */
    public static FollowUp partialReversal(UUID paymentId, UUID authorizationId, AuthorizationLeg leg, Money amount,
            Money replacement, MessageTrace trace, String stan, Instant now) {
        return reversal(paymentId, authorizationId, leg, amount, replacement, trace, stan, false, FollowUpState.PENDING, now);
    }

    /** A follow-up as stored, in {@code state}; {@code origin} when it was read with its payment's. */
    static FollowUp restore(UUID id, UUID paymentId, PaymentOrigin origin, FollowUpAction action, UUID authorizationId,
            AuthorizationLeg leg, UUID reservationId, Currency currency, Long amountMinor, String cardAcceptorTerminalId,
            String cardAcceptorId, String originalStan, Instant originalTransmittedAt, String retrievalReference,
            String stan, Long replacementMinor, boolean advice, FollowUpState state, int attempts, Instant nextAttemptAt,
            String lastError, Instant finishedAt) {
        return new FollowUp(id, paymentId, origin, action, authorizationId, leg, reservationId, currency, amountMinor,
                cardAcceptorTerminalId, cardAcceptorId, originalStan, originalTransmittedAt, retrievalReference, stan,
                replacementMinor, advice, state, attempts, nextAttemptAt, lastError, finishedAt, state);
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
     * authorization was never answered, or its payment was abandoned.
     */
    public void fire(Instant now) {
        fire(now, true);
    }

    /**
     * The same, for a payment's answer: an authorization that was approved and is no longer wanted is reversed online
     * (0400) first ({@code advice} false), one never answered by advice (0420) from the start.
     */
    public void fire(Instant now, boolean advice) {
        require(state == FollowUpState.ARMED, "only an armed follow-up fires");
        state = FollowUpState.PENDING;
        nextAttemptAt = now;
        this.advice = advice;
    }

    /** The reversal is not needed: its authorization stands, or was declined and holds nothing. */
    public void cancel(Instant now) {
        require(state == FollowUpState.ARMED && action == FollowUpAction.REVERSE_AUTHORIZATION,
                "only an armed reversal is cancelled");
        state = FollowUpState.CANCELLED;
        finishedAt = now;
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
        return new ReversalMessage(authorizationId, new MessageTrace(cardAcceptorTerminalId, cardAcceptorId, originalStan,
                originalTransmittedAt, retrievalReference), stan, amount(), replacement(), type);
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

    /** The follow-up was stored as it now stands: the next save expects to find it so. */
    void recorded() {
        recordedState = state;
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

    public FollowUpState state() {
        return state;
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

    /** Whether a reversal goes out as an advice (0420) rather than online (0400) first. */
    public boolean advice() {
        return advice;
    }

    /** When it is due: at its payment's deadline while armed, at the next attempt while pending. */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    /** The terminal the payment came from, on whose behalf coupon-server is called. */
    public CallerIdentity terminal() {
        return origin().terminal();
    }

    /** The correlation id of the request that made the payment, if it was kept. */
    public Optional<String> correlationId() {
        return origin().correlationId();
    }

    private PaymentOrigin origin() {
        require(origin != null, "follow-up " + id + " was read without its payment's origin");
        return origin;
    }

    Currency currency() {
        return currency;
    }

    Long amountMinor() {
        return amountMinor;
    }

    Long replacementMinor() {
        return replacementMinor;
    }

    String cardAcceptorTerminalId() {
        return cardAcceptorTerminalId;
    }

    String cardAcceptorId() {
        return cardAcceptorId;
    }

    String originalStan() {
        return originalStan;
    }

    Instant originalTransmittedAt() {
        return originalTransmittedAt;
    }

    String lastError() {
        return lastError;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    /** The state a save expects to find stored; null for a follow-up never stored. */
    FollowUpState recordedState() {
        return recordedState;
    }
}
