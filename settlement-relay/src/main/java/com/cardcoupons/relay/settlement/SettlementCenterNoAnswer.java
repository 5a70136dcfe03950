package com.cardcoupons.relay.settlement;

/** The settlement center did not answer, or not usably: whatever was sent may or may not have taken effect. */
public class SettlementCenterNoAnswer extends RuntimeException {

    public SettlementCenterNoAnswer(String message, Throwable cause) {
        super(message, cause);
    }
}
