package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.CardToken;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A medium's token is stored as its text: the only form of a card or member number the platform keeps. */
@Converter(autoApply = true)
class CardTokenConverter implements AttributeConverter<CardToken, String> {

    @Override
    public String convertToDatabaseColumn(CardToken token) {
        return token == null ? null : token.value();
    }

    @Override
    public CardToken convertToEntityAttribute(String value) {
        return value == null ? null : new CardToken(value);
    }
}
