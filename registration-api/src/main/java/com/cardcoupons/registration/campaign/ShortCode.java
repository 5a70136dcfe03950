package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.problem.DomainException;
import jakarta.persistence.Embeddable;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The short code a digital-broadcast receiver types on its remote to name a campaign: 4 to 12 letters or digits. */
@Embeddable
public record ShortCode(String value) {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{4,12}");
    // no 0/O or 1/I: they are confused when read off a screen
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public ShortCode {
        if (value == null || !FORM.matcher(value).matches()) {
            throw DomainException.invalid("INVALID_SHORT_CODE", "shortCode", "a short code is 4 to 12 letters A-Z or digits");
        }
    }

    /** As typed: letters in either case, spaces ignored. */
    public static ShortCode parse(String typed) {
        return new ShortCode(typed == null ? null : typed.replace(" ", "").toUpperCase(Locale.ROOT));
    }

    /** The code as typed, or empty when it cannot be a short code at all. */
    public static Optional<ShortCode> lookup(String typed) {
        String normalized = typed == null ? "" : typed.replace(" ", "").toUpperCase(Locale.ROOT);
        return FORM.matcher(normalized).matches() ? Optional.of(new ShortCode(normalized)) : Optional.empty();
    }

    public static ShortCode random() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new ShortCode(code.toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
