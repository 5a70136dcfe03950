package com.cardcoupons.relay.payment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answer a terminal got, as the payment's {@code outcome} column keeps it: JSON, written with the service's own
 * mapper. Read tolerantly: an answer stored by an earlier version, with a field since dropped, must still be replayed.
 */
@Component
@Converter
class StoredOutcomes implements AttributeConverter<PaymentOutcome, String> {

    private final JsonMapper writer;
    private final JsonMapper reader;

    StoredOutcomes(JsonMapper jsonMapper) {
        this.writer = jsonMapper;
        this.reader = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Override
    public String convertToDatabaseColumn(PaymentOutcome outcome) {
        return outcome == null ? null : writer.writeValueAsString(outcome);
    }

    @Override
    public PaymentOutcome convertToEntityAttribute(String stored) {
        return stored == null ? null : reader.readValue(stored, PaymentOutcome.class);
    }
}
