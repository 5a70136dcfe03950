package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import com.cardcoupons.settlementcenter.card.CardFingerprint;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * One authorization as the issuer decided it, and where it stands since. Only an approved authorization holds funds:
 * its amount, lowered by a partial reversal; a reversal releases them once, and a reversal that arrives first leaves
 * a mark that declines the late original.
 */
public final class Authorization {

    private final String key;
    private final String terminalId;
    private final String stan;
    private final String retrievalReference;
    private final CardFingerprint card;
    private final Amount amount;
    private final ResponseCode responseCode;
    private final String approvalCode;
    private final Instant decidedAt;
    private volatile Amount held;
    private volatile State state;

    private Authorization(AuthorizationRequest request, CardFingerprint card, ResponseCode responseCode,
            String approvalCode, Instant decidedAt, State state) {
        this.key = request.key();
        this.terminalId = request.terminalId();
        this.stan = request.stan();
        this.retrievalReference = request.retrievalReference();
        this.card = card;
        this.amount = request.amount();
        this.responseCode = responseCode;
        this.approvalCode = approvalCode;
        this.decidedAt = decidedAt;
        this.held = state == State.APPROVED ? request.amount() : null;
        this.state = state;
    }

    static Authorization approved(AuthorizationRequest request, CardFingerprint card, String approvalCode, Instant at) {
        return new Authorization(request, card, ResponseCode.APPROVED, approvalCode, at, State.APPROVED);
    }

    static Authorization declined(AuthorizationRequest request, CardFingerprint card, ResponseCode reason, Instant at) {
        if (reason == ResponseCode.APPROVED) {
            throw new IllegalArgumentException("a decline needs a reason");
        }
        return new Authorization(request, card, reason, null, at, State.DECLINED);
    }

    /** The mark a reversal leaves for an authorization that has not arrived. */
    static Authorization reversedBeforeArrival(String key, Amount amount, Instant at) {
        return new Authorization(new AuthorizationRequest(key, null, null, null, null, null, amount), null,
                ResponseCode.INVALID_TRANSACTION, null, at, State.REVERSED_BEFORE_ARRIVAL);
    }

    /**
     * Applies a reversal and says what it found; {@code released} receives the funds it frees. Only the first full
     * reversal of an approval releases all it holds; a partial one lowers it to the replacement amount once.
     */
    synchronized ReversalResult reverse(ReversalRequest reversal, Consumer<Amount> released) {
        if (state == State.REVERSED_BEFORE_ARRIVAL || state == State.DECLINED) {
            return ReversalResult.NOTHING_TO_REVERSE;
        }
        if (!amount.equals(reversal.amount())) {
            return ReversalResult.REFUSED;
        }
        if (state == State.REVERSED) {
            return ReversalResult.ALREADY_REVERSED;
        }
        if (!reversal.partial()) {
            released.accept(held);
            held = null;
            state = State.REVERSED;
            return ReversalResult.REVERSED;
        }
        long replacement = reversal.replacementMinor();
        if (replacement <= 0 || replacement >= amount.amountMinor()) {
            return ReversalResult.REFUSED;
        }
        if (held.amountMinor() == replacement) {
            return ReversalResult.ALREADY_REVERSED;
        }
        if (held.amountMinor() < replacement) {
            return ReversalResult.REFUSED;
        }
        released.accept(new Amount(held.amountMinor() - replacement, amount.currency()));
        held = new Amount(replacement, amount.currency());
        return ReversalResult.PARTIALLY_REVERSED;
    }

    /** Whether a repeated message is the same authorization, so it may be answered as the first was. */
    boolean sameMessage(CardFingerprint otherCard, Amount otherAmount) {
        return state != State.REVERSED_BEFORE_ARRIVAL && amount.equals(otherAmount)
                && (card == null ? otherCard == null : card.equals(otherCard));
    }

    /** What it holds on the card now: nothing unless approved and not reversed. */
    synchronized Amount held() {
        return state == State.APPROVED ? held : null;
    }

    public String key() {
        return key;
    }

    public String terminalId() {
        return terminalId;
    }

    public String stan() {
        return stan;
    }

    public String retrievalReference() {
        return retrievalReference;
    }

    public CardFingerprint card() {
        return card;
    }

    public Amount amount() {
        return amount;
    }

    public ResponseCode responseCode() {
        return responseCode;
    }

    public String approvalCode() {
        return approvalCode;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public State state() {
        return state;
    }

    /** Where an authorization stands. */
    public enum State {
        APPROVED, DECLINED, REVERSED, REVERSED_BEFORE_ARRIVAL
    }
}
