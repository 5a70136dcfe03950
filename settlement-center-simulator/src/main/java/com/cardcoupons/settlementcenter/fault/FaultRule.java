package com.cardcoupons.settlementcenter.fault;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * One injected fault: which messages it applies to (an operation, optionally only for one amount), how long the
 * answer is delayed, what happens to the message, and how many messages it applies to (all, when absent).
 */
public record FaultRule(
        @NotNull Operation operation,
        @Positive Long amountMinor,
        @PositiveOrZero @Max(120_000) Long latencyMs,
        Effect effect,
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
        /** Refused with a 503 after the latency, without being processed: nothing is authorized or reversed. */
        FAIL_BEFORE_PROCESSING,
        /** Processed, then answered with a 503 after the latency: the sender cannot know it was authorized. */
        FAIL_AFTER_PROCESSING
    }
}
