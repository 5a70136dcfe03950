package com.cardcoupons.registration.terms;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.registration.FieldPath;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** The checks the parts of the terms share, each failing with a stable code and the field to blame. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw DomainException.invalid("FIELD_REQUIRED", field, field + " is required");
        }
        return value;
    }

    static String text(String value, String field, int maxLength) {
        return optionalText(required(value, field), field, maxLength);
    }

    static String optionalText(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw DomainException.invalid("TOO_LONG", field, field + " must have at most " + maxLength + " characters");
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    static void absent(Object value, String field, String why) {
        if (value != null) {
            throw DomainException.invalid("UNEXPECTED_FIELD", field, field + " does not belong here: " + why);
        }
    }

    static int positive(Integer value, String field, int max) {
        int checked = required(value, field);
        if (checked <= 0) {
            throw DomainException.invalid("NOT_POSITIVE", field, field + " must be positive");
        }
        if (checked > max) {
            throw DomainException.invalid("TOO_LARGE", field, field + " must be at most " + max);
        }
        return checked;
    }

    static Money positive(Money amount, String field) {
        if (amount != null && amount.isZero()) {
            throw DomainException.invalid("AMOUNT_NOT_POSITIVE", field + ".amountMinor", field + " must be more than zero");
        }
        return amount;
    }

    /** A copy of {@code values}, each checked by {@code element} at its index, refusing duplicates and long lists. */
    static <T> List<T> list(List<T> values, String field, int maxSize, BiConsumer<T, String> element) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxSize) {
            throw DomainException.invalid("TOO_MANY_VALUES", field, field + " may list at most " + maxSize + " values");
        }
        Set<T> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String at = FieldPath.element(field, i);
            T value = required(values.get(i), at);
            element.accept(value, at);
            if (!seen.add(value)) {
                throw DomainException.invalid("DUPLICATE_VALUE", at, at + " repeats an earlier value");
            }
        }
        return List.copyOf(values);
    }
}
