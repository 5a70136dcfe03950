package com.cardcoupons.settlementcenter.authorization;

import java.util.Arrays;
import java.util.Optional;

/** Why the issuer answered as it did, with the ISO 8583 (1987) response code of field 39. */
public enum ResponseCode {
    APPROVED("00"),
    REFER_TO_CARD_ISSUER("01"),
    DO_NOT_HONOUR("05"),
    /** The key was already used for another message, or was reversed before the authorization arrived. */
    INVALID_TRANSACTION("12"),
    INVALID_AMOUNT("13"),
    INVALID_CARD_NUMBER("14"),
    /** A mandatory field is missing or unreadable. */
    FORMAT_ERROR("30"),
    /** Over the card's credit limit. */
    INSUFFICIENT_FUNDS("51"),
    EXPIRED_CARD("54"),
    /** The card is blocked. */
    RESTRICTED_CARD("62"),
    ISSUER_INOPERATIVE("91"),
    SYSTEM_MALFUNCTION("96");

    private final String iso;

    ResponseCode(String iso) {
        this.iso = iso;
    }

    public String iso() {
        return iso;
    }

    public static Optional<ResponseCode> of(String iso) {
        return Arrays.stream(values()).filter(code -> code.iso.equals(iso)).findFirst();
    }
}
