package com.cardcoupons.relay.payment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** A payment's late coupon as its {@code late_coupon} column keeps it: JSON, written with the service's own mapper. */
@Component
@Converter
class StoredLateCoupons implements AttributeConverter<LateCoupon, String> {

    private final JsonMapper writer;
    private final JsonMapper reader;

    StoredLateCoupons(JsonMapper jsonMapper) {
        this.writer = jsonMapper;
        this.reader = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @Override
    public String convertToDatabaseColumn(LateCoupon lateCoupon) {
        return lateCoupon == null ? null : writer.writeValueAsString(lateCoupon);
    }

    @Override
    public LateCoupon convertToEntityAttribute(String stored) {
        return stored == null ? null : reader.readValue(stored, LateCoupon.class);
    }
}
