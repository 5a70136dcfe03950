package com.cardcoupons.platform.idempotency;

/**
 * A handler that records its own outcome found its key recorded by another call, which ran at the same time or
 * before; its own work is undone with its statement, and the platform answers with the other call's outcome.
 */
public final class IdempotencyKeyTaken extends RuntimeException {

    IdempotencyKeyTaken() {
        super("the Idempotency-Key is recorded by another call", null, false, false);
    }
}
