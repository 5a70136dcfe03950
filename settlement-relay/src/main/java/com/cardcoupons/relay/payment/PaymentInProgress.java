package com.cardcoupons.relay.payment;

/**
 * The terminal sent a payment again, under the same idempotency key or transaction id, and the first request is still
 * running after the repeat waited for it. Answered {@code 503} with {@code Retry-After}: this is no answer yet, and
 * the repeat is to come back for it.
 */
class PaymentInProgress extends RuntimeException {

    PaymentInProgress() {
        super("this transaction is still being paid; retry shortly to get its outcome", null, false, false);
    }
}
