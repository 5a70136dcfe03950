package com.cardcoupons.settlementcenter;

/** An admin request the simulator cannot act on; its text never carries the rejected value. */
public class InvalidMessage extends RuntimeException {

    private final String code;

    public InvalidMessage(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
