package com.cardcoupons.model.medium;

/** Card scheme, told from the leading digits (the issuer identification number) of a PAN. */
public enum CardBrand {
    VISA, MASTERCARD, AMEX, JCB, DISCOVER, DINERS, UNIONPAY, UNKNOWN;

    static CardBrand of(String digits) {
        int two = Integer.parseInt(digits.substring(0, 2));
        int four = Integer.parseInt(digits.substring(0, 4));
        int six = Integer.parseInt(digits.substring(0, 6));
        if (digits.charAt(0) == '4') {
            return VISA;
        }
        if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) {
            return MASTERCARD;
        }
        if (two == 34 || two == 37) {
            return AMEX;
        }
        if (four >= 3528 && four <= 3589) {
            return JCB;
        }
        if (four == 6011 || two == 65 || (six >= 644000 && six <= 649999)) {
            return DISCOVER;
        }
        if (two == 36 || two == 38 || (four >= 3000 && four <= 3059)) {
            return DINERS;
        }
        if (two == 62) {
            return UNIONPAY;
        }
        return UNKNOWN;
    }
}
