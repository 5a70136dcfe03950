package com.cardcoupons.relay.payment;

/** What the terminal is told about the payment. */
public enum PaymentResult {
    /** Charged: the chargedAmount under the authorization code. */
    APPROVED,
    /** The card issuer declined; nothing is charged. */
    DECLINED,
    /** The issuer asks to be called (a voice authorization); nothing is charged. */
    REFERRED,
    /** The settlement center answered that it could not process the authorization; nothing is charged. */
    SYSTEM_ERROR,
    /**
     * The card settlement center did not answer in time. Nothing is charged: any authorization that may have been
     * approved is being reversed. The terminal starts a new transaction to try again.
     */
    TIMED_OUT
}
