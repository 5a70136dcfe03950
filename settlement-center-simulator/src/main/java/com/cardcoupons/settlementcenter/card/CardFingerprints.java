package com.cardcoupons.settlementcenter.card;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Turns a card number into a {@link CardFingerprint} the moment it arrives. The key is drawn at random at start and
 * never leaves memory, so a fingerprint means nothing outside this process and no card number is ever kept.
 */
@Component
public class CardFingerprints {

    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;

    private final SecretKeySpec key;

    public CardFingerprints() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The fingerprint of a well-formed card number (12 to 19 digits passing the Luhn check), or empty. */
    public Optional<CardFingerprint> of(String number) {
        if (number == null) {
            return Optional.empty();
        }
        String digits = number.replace(" ", "").replace("-", "");
        if (digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS
                || !digits.chars().allMatch(c -> c >= '0' && c <= '9') || !passesLuhn(digits)) {
            return Optional.empty();
        }
        return Optional.of(new CardFingerprint(hmac(digits), digits.substring(digits.length() - 4)));
    }

    private String hmac(String digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
