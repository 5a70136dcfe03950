package com.cardcoupons.relay.payment;

/**
 * The terminal sent a transaction again, under another idempotency key, and the first is still being paid after the
 * retry waited for it. Answered {@code 503} with {@code Retry-After}, because a 4xx would be recorded as the final
 * answer to the retry's idempotency key, and this one is not final.
 */
class PaymentInProgress extends RuntimeException {

    PaymentInProgress() {
        super("this transaction is still being paid; retry shortly to get its outcome", null, false, false);
    }
}
