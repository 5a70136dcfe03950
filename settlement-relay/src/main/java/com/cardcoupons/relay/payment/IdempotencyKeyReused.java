package com.cardcoupons.relay.payment;

import com.cardcoupons.model.problem.DomainException;

/** The terminal's idempotency key was used before for a different payment (another transaction, card, amount or basket). */
class IdempotencyKeyReused extends DomainException {

    IdempotencyKeyReused() {
        super(Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED", IdempotencyKey.HEADER,
                "this terminal already used this Idempotency-Key for a different payment");
    }
}
