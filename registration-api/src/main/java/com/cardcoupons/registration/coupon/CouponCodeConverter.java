package com.cardcoupons.registration.coupon;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A coupon code is stored as its text. */
@Converter(autoApply = true)
class CouponCodeConverter implements AttributeConverter<CouponCode, String> {

    @Override
    public String convertToDatabaseColumn(CouponCode code) {
        return code == null ? null : code.value();
    }

    @Override
    public CouponCode convertToEntityAttribute(String value) {
        return value == null ? null : new CouponCode(value);
    }
}
