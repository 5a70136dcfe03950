package com.cardcoupons.registration.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * One attempt to deliver: when, the endpoint's status code or the error that kept it from answering, and how long it
 * took. Acknowledged means a 2xx status.
 */
record Attempt(Instant at, Integer statusCode, String error, Duration latency) {

    boolean acknowledged() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** What the delivery keeps as its last error: the transport's, or the status the endpoint answered. */
    String failure() {
        return acknowledged() ? null : error != null ? error : "HTTP " + statusCode;
    }
}
