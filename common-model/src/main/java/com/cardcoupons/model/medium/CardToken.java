package com.cardcoupons.model.medium;

import com.cardcoupons.model.problem.DomainException;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * The keyed HMAC of a usage medium's identifier: what the platform stores and searches by instead of a card or
 * member number. The same medium always yields the same token under the same key, and the token reveals nothing.
 */
public record CardToken(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    public CardToken {
        if (value == null || !FORM.matcher(value).matches()) {
            throw DomainException.invalid("INVALID_CARD_TOKEN", null, "not a card token");
        }
    }

    @JsonCreator
    public static CardToken of(String value) {
        return new CardToken(value);
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}
