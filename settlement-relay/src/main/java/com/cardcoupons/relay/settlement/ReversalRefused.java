package com.cardcoupons.relay.settlement;

/** The settlement center refused a reversal message as such; it needs a person, not another attempt. */
public class ReversalRefused extends RuntimeException {

    public ReversalRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
