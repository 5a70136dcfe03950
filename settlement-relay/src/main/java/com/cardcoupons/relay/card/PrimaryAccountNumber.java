package com.cardcoupons.relay.card;

import com.cardcoupons.model.medium.CardNumber;
import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A card number as the relay must forward it: to the card settlement center, which authorizes against it, and to
 * coupon-server, whose search contract takes the card itself. Validated by {@link CardNumber} (length, Luhn), kept
 * only in memory for the length of one payment, never stored, logged or serialized: it has no bean properties, so
 * an accidental serialization fails, and its {@code toString()} is masked.
 */
@Schema(type = "string", pattern = "^[0-9][0-9 -]{10,24}[0-9]$", example = "4111 1111 1111 1111",
        description = "the card number as read, digits optionally grouped by spaces or dashes; never answered back")
public final class PrimaryAccountNumber {

    private final CardNumber validated;
    private final String digits;

    private PrimaryAccountNumber(CardNumber validated, String digits) {
        this.validated = validated;
        this.digits = digits;
    }

    @JsonCreator
    public static PrimaryAccountNumber parse(String raw) {
        CardNumber validated = CardNumber.parse(raw);
        return new PrimaryAccountNumber(validated, raw.replace(" ", "").replace("-", ""));
    }

    /** The validated card number, for tokenization. */
    public CardNumber cardNumber() {
        return validated;
    }

    /** The digits, for the wire to the settlement center and coupon-server only. */
    public String digitsForTheWire() {
        return digits;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrimaryAccountNumber that && digits.equals(that.digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return validated.toString();
    }
}
