package com.cardcoupons.relay.payment;

import com.cardcoupons.model.problem.DomainException;

/** The terminal sent a transaction again, under another idempotency key, while the first is still being paid. */
class PaymentInProgress extends DomainException {

    PaymentInProgress() {
        super(Kind.CONFLICT, "PAYMENT_IN_PROGRESS", null,
                "this transaction is still being paid; retry shortly to get its outcome");
    }
}
