package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import com.cardcoupons.settlementcenter.card.CardFingerprint;

import java.time.Instant;

/**
 * One authorization as the issuer decided it, and where it stands since. Only an approved authorization holds funds;
 * a reversal releases them once, and a reversal that arrives first leaves a mark that declines the late original.
 */
public final class Authorization {

    private final String id;
    private final CardFingerprint card;
    private final Amount amount;
    private final ResponseCode responseCode;
    private final String authorizationCode;
    private final Instant decidedAt;
    private volatile State state;

    private Authorization(String id, CardFingerprint card, Amount amount, ResponseCode responseCode,
            String authorizationCode, Instant decidedAt, State state) {
        this.id = id;
        this.card = card;
        this.amount = amount;
        this.responseCode = responseCode;
        this.authorizationCode = authorizationCode;
        this.decidedAt = decidedAt;
        this.state = state;
    }

    static Authorization approved(String id, CardFingerprint card, Amount amount, String authorizationCode, Instant at) {
        return new Authorization(id, card, amount, ResponseCode.APPROVED, authorizationCode, at, State.APPROVED);
    }

    static Authorization declined(String id, CardFingerprint card, Amount amount, ResponseCode reason, Instant at) {
        if (reason == ResponseCode.APPROVED) {
            throw new IllegalArgumentException("a decline needs a reason");
        }
        return new Authorization(id, card, amount, reason, null, at, State.DECLINED);
    }

    /** The mark a reversal leaves for an authorization that has not arrived. */
    static Authorization reversedBeforeArrival(String id, Amount amount, Instant at) {
        return new Authorization(id, null, amount, ResponseCode.INVALID_TRANSACTION, null, at, State.REVERSED_BEFORE_ARRIVAL);
    }

    /** Reverses the authorization and says what that found; only the first reversal of an approval releases funds. */
    ReversalAnswer.Result reverse() {
        return switch (state) {
            case APPROVED -> {
                state = State.REVERSED;
                yield ReversalAnswer.Result.REVERSED;
            }
            case REVERSED -> ReversalAnswer.Result.ALREADY_REVERSED;
            case DECLINED, REVERSED_BEFORE_ARRIVAL -> ReversalAnswer.Result.NOTHING_TO_REVERSE;
        };
    }

    /** Whether a repeated message is the same authorization, so it may be answered as the first was. */
    boolean sameMessage(CardFingerprint otherCard, Amount otherAmount) {
        return state != State.REVERSED_BEFORE_ARRIVAL && amount.equals(otherAmount)
                && (card == null ? otherCard == null : card.equals(otherCard));
    }

    boolean holdsFunds() {
        return state == State.APPROVED;
    }

    boolean wasApproved() {
        return authorizationCode != null;
    }

    public String id() {
        return id;
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

    public String authorizationCode() {
        return authorizationCode;
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
