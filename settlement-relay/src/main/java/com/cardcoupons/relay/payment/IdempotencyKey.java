package com.cardcoupons.relay.payment;

import com.cardcoupons.model.problem.DomainException;

import java.util.regex.Pattern;

/**
 * The key a terminal sends with a payment so that a retry is recognised as one, whatever became of the first request:
 * 1 to 128 visible ASCII characters, the platform's rule for every {@code Idempotency-Key}. Terminals send their
 * transaction id.
 */
record IdempotencyKey(String value) {

    static final String HEADER = "Idempotency-Key";

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,128}");

    IdempotencyKey {
        if (value == null) {
            throw DomainException.invalid("IDEMPOTENCY_KEY_REQUIRED", HEADER,
                    "a payment may be retried, so it needs an Idempotency-Key header");
        }
        if (!VISIBLE_ASCII.matcher(value).matches()) {
            throw DomainException.invalid("INVALID_IDEMPOTENCY_KEY", HEADER,
                    "an Idempotency-Key is 1 to 128 visible ASCII characters");
        }
    }
}
