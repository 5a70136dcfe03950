package com.cardcoupons.model.medium;

import com.cardcoupons.model.problem.DomainException;
import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A validated primary account number (PAN). It exists only in memory, between the edge that reads it and the
 * tokenizer: it has no accessor for its digits, its {@link #toString()} is masked, and it cannot be serialized.
 */
public final class CardNumber {

    private static final int MIN_LENGTH = 12;
    private static final int MAX_LENGTH = 19;

    private final String digits;

    private CardNumber(String digits) {
        this.digits = digits;
    }

    /** Accepts digits with optional spaces or dashes; rejects wrong lengths and failed Luhn checks. */
    @JsonCreator
    public static CardNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("CARD_NUMBER_REQUIRED", null, "card number is required");
        }
        String digits = raw.replace(" ", "").replace("-", "");
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw DomainException.invalid("INVALID_CARD_NUMBER", null, "card number must contain digits only");
        }
        if (digits.length() < MIN_LENGTH || digits.length() > MAX_LENGTH) {
            throw DomainException.invalid("INVALID_CARD_NUMBER", null,
                    "card number must have " + MIN_LENGTH + " to " + MAX_LENGTH + " digits");
        }
        if (!passesLuhn(digits)) {
            throw DomainException.invalid("CARD_NUMBER_FAILS_LUHN", null, "card number fails the Luhn check");
        }
        return new CardNumber(digits);
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    public CardBrand brand() {
        return CardBrand.of(digits);
    }

    /** Only the tokenizer, in this package, ever sees the digits. */
    String digits() {
        return digits;
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CardNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "CardNumber[" + brand() + " ****" + lastFour() + "]";
    }
}
