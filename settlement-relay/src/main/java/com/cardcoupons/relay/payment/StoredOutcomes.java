package com.cardcoupons.relay.payment;

import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer a terminal got and its late coupon, as the payment's {@code outcome} and {@code late_coupon} columns keep
 * them: JSON, written with the service's own mapper. Read tolerantly: an answer stored by an earlier version, with a
 * field since dropped, must still be replayed.
 */
@Component
class StoredOutcomes {

    private final JsonMapper writer;
    private final JsonMapper reader;

    StoredOutcomes(JsonMapper jsonMapper) {
        this.writer = jsonMapper;
        this.reader = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    String write(Object answerOrLateCoupon) {
        return answerOrLateCoupon == null ? null : writer.writeValueAsString(answerOrLateCoupon);
    }

    PaymentOutcome outcome(String stored) {
        return stored == null ? null : reader.readValue(stored, PaymentOutcome.class);
    }

    LateCoupon lateCoupon(String stored) {
        return stored == null ? null : reader.readValue(stored, LateCoupon.class);
    }
}
