package com.cardcoupons.console.gateway;

/** The gateway could not be reached or gave no usable answer; the page says so instead of failing. */
public class PlatformUnavailable extends RuntimeException {

    public PlatformUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
