package com.cardcoupons.settlementcenter.fault;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One injected fault: which messages it applies to (an operation, optionally only for one amount), how long the
 * answer is delayed, what happens to the message, the response code to answer with instead of the issuer's (the
 * message is then not processed), and how many messages it applies to (all, when absent).
 */
public record FaultRule(
        @NotNull Operation operation,
        @Positive Long amountMinor,
        @PositiveOrZero @Max(120_000) Long latencyMs,
        Effect effect,
        @Pattern(regexp = "[0-9A-Z]{2}") String responseCode,
        @Positive Integer times) {

    public FaultRule {
        latencyMs = latencyMs == null ? 0 : latencyMs;
        effect = effect == null ? Effect.ANSWER : effect;
    }

    boolean matches(Operation candidate, long amount) {
        return operation == candidate && (amountMinor == null || amountMinor == amount);
    }

    /** What becomes of a message the rule applies to. */
    public enum Effect {
        /** Processed and answered, after the latency. */
        ANSWER,
        /** Processed, never answered: the sender cannot know it was authorized. */
        NO_ANSWER,
        /** Neither processed nor answered, as if lost on the way. */
        IGNORE,
        /** Processed, then the connection is cut instead of answering. */
        DROP_CONNECTION,
        /** Processed and answered twice. */
        DUPLICATE_ANSWER,
        /** Processed, and answered with a frame that is not a readable ISO 8583 message (with the card number in it). */
        MALFORMED_ANSWER
    }
}
