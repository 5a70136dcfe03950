package com.cardcoupons.model.medium;

import com.cardcoupons.model.problem.DomainException;

import java.util.regex.Pattern;

/**
 * The ID information of a usage medium as a reception terminal or a consumer channel reads it: a card number for
 * credit and debit cards, a member number within a loyalty program for point and mileage cards. Wire form:
 * {@code {"type":"CREDIT","cardNumber":"4111 1111 1111 1111"}} or
 * {@code {"type":"MILEAGE","program":"SKYMILES","memberNumber":"00123456"}}.
 */
public record UsageMediumId(MediumType type, CardNumber cardNumber, String program, String memberNumber) {

    private static final Pattern PROGRAM = Pattern.compile("[A-Z0-9][A-Z0-9_-]{1,31}");
    private static final Pattern MEMBER_NUMBER = Pattern.compile("[A-Za-z0-9]{4,32}");

    public UsageMediumId {
        if (type == null) {
            throw DomainException.invalid("MEDIUM_TYPE_REQUIRED", "type", "type is required: CREDIT, DEBIT, POINT or MILEAGE");
        }
        if (type.isPaymentCard()) {
            if (cardNumber == null) {
                throw DomainException.invalid("CARD_NUMBER_REQUIRED", "cardNumber", "a " + type + " card needs its card number");
            }
            if (program != null || memberNumber != null) {
                throw DomainException.invalid("UNEXPECTED_MEMBER_NUMBER", "memberNumber", "a " + type + " card has no program or member number");
            }
        } else {
            if (cardNumber != null) {
                throw DomainException.invalid("UNEXPECTED_CARD_NUMBER", "cardNumber", "a " + type + " card is identified by program and member number");
            }
            if (program == null || !PROGRAM.matcher(program).matches()) {
                throw DomainException.invalid("INVALID_PROGRAM", "program", "program must be 2 to 32 upper-case letters, digits, '_' or '-'");
            }
            if (memberNumber == null || !MEMBER_NUMBER.matcher(memberNumber).matches()) {
                throw DomainException.invalid("INVALID_MEMBER_NUMBER", "memberNumber", "member number must be 4 to 32 letters or digits");
            }
        }
    }

    public static UsageMediumId card(MediumType type, CardNumber cardNumber) {
        return new UsageMediumId(type, cardNumber, null, null);
    }

    public static UsageMediumId membership(MediumType type, String program, String memberNumber) {
        return new UsageMediumId(type, null, program, memberNumber);
    }

    /** Masked: a member number shows its last four characters, a card number its brand and last four digits. */
    @Override
    public String toString() {
        return type.isPaymentCard()
                ? "UsageMediumId[" + type + " " + cardNumber + "]"
                : "UsageMediumId[" + type + " " + program + " ****" + memberNumber.substring(memberNumber.length() - 4) + "]";
    }
}
