package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.money.Money;

import java.util.UUID;

/**
 * Undoes an authorization, named by its {@code original} trace: wholly, or, with a {@code replacement}, down to that
 * amount (a partial reversal, field 95). {@code amount} is the original's. {@code stan} is the reversal's own, the
 * same on every attempt; {@code type} says whether this attempt goes as a reversal (0400), an advice (0420), or the
 * repeat of an advice (0421). It carries no card number, so it can wait in the outbox.
 */
public record ReversalMessage(UUID authorizationId, MessageTrace original, String stan, Money amount, Money replacement,
        Type type) {

    public ReversalMessage {
        if (replacement != null && (!replacement.sameCurrencyAs(amount) || replacement.isZero()
                || !amount.isAtLeast(replacement) || replacement.equals(amount))) {
            throw new IllegalArgumentException("a partial reversal keeps less than the original amount, more than zero");
        }
    }

    /** How a reversal goes out: online, as an advice, or as the repeat of an advice. */
    public enum Type {
        REVERSAL("0400"), ADVICE("0420"), ADVICE_REPEAT("0421");

        private final String messageType;

        Type(String messageType) {
            this.messageType = messageType;
        }

        public String messageType() {
            return messageType;
        }
    }
}
