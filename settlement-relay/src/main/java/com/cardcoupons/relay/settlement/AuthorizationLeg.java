package com.cardcoupons.relay.settlement;

/** Which of a payment's two authorizations (claim 9): the full amount first, then the discounted price. */
public enum AuthorizationLeg {
    FULL_AMOUNT, DISCOUNTED
}
