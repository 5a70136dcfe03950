package com.cardcoupons.relay.settlement;

/** The settlement center's answer to an authorization. */
public sealed interface AuthorizationAnswer {

    /** Approved: the amount is held on the card under this authorization code. */
    record Approved(String authorizationCode) implements AuthorizationAnswer {
    }

    /** Declined, with the network's response code (ISO 8583, such as 51 for insufficient funds) and its meaning. */
    record Declined(String responseCode, String reason) implements AuthorizationAnswer {
    }
}
