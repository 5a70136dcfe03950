package com.cardcoupons.relay.card;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.problem.DomainException;
import jakarta.validation.constraints.NotNull;

import java.time.YearMonth;

/**
 * The card read at the till: credit by default (claim 8) or debit, its number and its expiry month. Wire form
 * {@code {"number":"4111 1111 1111 1111","expiry":"2027-12"}}, optionally with {@code "type":"DEBIT"}.
 */
public record PresentedCard(MediumType type, @NotNull PrimaryAccountNumber number, @NotNull YearMonth expiry) {

    public PresentedCard {
        type = type == null ? MediumType.CREDIT : type;
        if (!type.isPaymentCard()) {
            throw DomainException.invalid("NOT_A_PAYMENT_CARD", "type", "only a CREDIT or DEBIT card can pay");
        }
    }

    /** The card as a usage medium, for tokenization and coupon search. */
    public UsageMediumId medium() {
        return UsageMediumId.card(type, number.cardNumber());
    }

    @Override
    public String toString() {
        return "PresentedCard[" + type + " " + number + " " + expiry + "]";
    }
}
