package com.cardcoupons.relay.settlement;

/** The settlement center's answer to an authorization. Only an approval holds funds on the card. */
public sealed interface AuthorizationAnswer {

    /** Approved: the amount is held on the card under this authorization code (field 38). */
    record Approved(String authorizationCode) implements AuthorizationAnswer {
    }

    /**
     * Not approved, with the response code (field 39) and its meaning: declined by the issuer, referred to it (the
     * merchant may call for a voice authorization), or not processed because of a system error.
     */
    record Declined(Outcome outcome, String responseCode, String reason) implements AuthorizationAnswer {
    }

    /** What a response code other than an approval means for the payment. */
    enum Outcome {
        DECLINED, REFERRED, SYSTEM_ERROR
    }
}
