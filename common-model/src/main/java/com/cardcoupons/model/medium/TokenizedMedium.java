package com.cardcoupons.model.medium;

/**
 * What the platform keeps of a usage medium: its token, its type, and what a person needs to recognise it
 * (the last four characters, the card brand or the loyalty program). Never the number itself.
 */
public record TokenizedMedium(CardToken token, MediumType type, String lastFour, CardBrand brand, String program) {

    public TokenizedMedium {
        if (token == null || type == null || lastFour == null) {
            throw new IllegalArgumentException("token, type and last four are required");
        }
    }
}
