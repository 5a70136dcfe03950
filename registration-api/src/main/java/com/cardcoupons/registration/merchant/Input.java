package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;

import java.time.ZoneId;
import java.util.regex.Pattern;

/** The checks onboarding's requests share, each failing with a stable code and the field to blame. */
final class Input {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern MCC = Pattern.compile("[0-9]{4}");

    private Input() {
    }

    static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw DomainException.invalid("FIELD_REQUIRED", field, field + " is required");
        }
        return value;
    }

    /** Required text, stripped, of at most {@code maxLength} characters. */
    static String text(String value, String field, int maxLength) {
        return optionalText(required(value, field), field, maxLength);
    }

    /** Optional text, stripped; blank is absent. */
    static String optionalText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw DomainException.invalid("TOO_LONG", field, field + " must have at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** A store's or terminal's code: 1 to 32 letters, digits, {@code -} or {@code _}, unique within its parent. */
    static String code(String value, String field) {
        required(value, field);
        if (!CODE.matcher(value).matches()) {
            throw DomainException.invalid("INVALID_CODE", field, field + " must be 1 to 32 letters, digits, - or _");
        }
        return value;
    }

    static String mcc(String value, String field) {
        required(value, field);
        if (!MCC.matcher(value).matches()) {
            throw DomainException.invalid("INVALID_MCC", field, field + " must be a four-digit merchant category code");
        }
        return value;
    }

    /** A region id such as {@code Asia/Tokyo}; fixed offsets are refused because they ignore daylight saving. */
    static String timeZone(String value, String field) {
        required(value, field);
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            throw DomainException.invalid("UNKNOWN_TIME_ZONE", field, field + " must be an IANA time zone such as Asia/Tokyo");
        }
        return value;
    }
}
