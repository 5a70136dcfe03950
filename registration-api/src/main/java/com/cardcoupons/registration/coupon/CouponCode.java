package com.cardcoupons.registration.coupon;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code that identifies a coupon and is printed as its barcode. It is a bearer credential, so it is drawn from
 * {@link SecureRandom}: 20 characters from 32 carry 100 bits, far beyond guessing. Letters that read alike (I, O) and
 * the digits 0 and 1 are never drawn. {@link #toString()} shows only the first four characters.
 */
public record CouponCode(String value) {

    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 32;

    private static final Pattern FORM = Pattern.compile("[A-Z2-9]{" + MIN_LENGTH + "," + MAX_LENGTH + "}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public CouponCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("not a coupon code");
        }
    }

    public static CouponCode generate(int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new CouponCode(new String(code));
    }

    /** A code as a client sent it, or empty when it cannot be one. */
    public static Optional<CouponCode> lookup(String sent) {
        return sent != null && FORM.matcher(sent).matches() ? Optional.of(new CouponCode(sent)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value.substring(0, 4) + "*".repeat(value.length() - 4);
    }
}
