package com.cardcoupons.settlementcenter.authorization;

/** Why an authorization was approved or declined, with the ISO 8583 response code a terminal would print. */
public enum ResponseCode {
    APPROVED("00"),
    DO_NOT_HONOUR("05"),
    /** The authorization id was already used for another message, or was reversed before the authorization arrived. */
    INVALID_TRANSACTION("12"),
    INVALID_CARD_NUMBER("14"),
    /** Over the card's credit limit. */
    INSUFFICIENT_FUNDS("51"),
    EXPIRED_CARD("54"),
    /** The card is blocked. */
    RESTRICTED_CARD("62");

    private final String iso;

    ResponseCode(String iso) {
        this.iso = iso;
    }

    public String iso() {
        return iso;
    }
}
