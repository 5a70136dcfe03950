package com.cardcoupons.gateway;

import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;

/** Waits until a gateway instance hears credential changes, and so authenticates from memory. */
public final class Listening {

    private static final Duration LIMIT = Duration.ofSeconds(20);

    private Listening() {
    }

    public static void await(MeterRegistry meters) {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (meters.get("coupons.gateway.credentials.informed").gauge().value() != 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the gateway did not start listening for credential changes within " + LIMIT);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
