package com.cardcoupons.relay.outbox;

import com.cardcoupons.platform.identity.CallerIdentity;

import java.util.Optional;

/**
 * Where a follow-up's payment came from, read from the payment's row with the follow-up: the terminal, on whose behalf
 * coupon-server is called long after its request ended, and that request's correlation id (null for payments recorded
 * before correlation ids were kept), which the follow-up carries on.
 */
record PaymentOrigin(CallerIdentity terminal, String correlationIdOrNull) {

    Optional<String> correlationId() {
        return Optional.ofNullable(correlationIdOrNull);
    }
}
