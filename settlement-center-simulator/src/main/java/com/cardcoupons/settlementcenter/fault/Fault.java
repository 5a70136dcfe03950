package com.cardcoupons.settlementcenter.fault;

import java.time.Duration;

/**
 * What happens to one message: how long its answer takes, whether it is processed and answered, and the response
 * code forced on it, if any.
 */
public record Fault(Duration latency, FaultRule.Effect effect, String responseCode) {

    public boolean processed() {
        return effect != FaultRule.Effect.IGNORE && responseCode == null;
    }

    /** Waits the latency; false when interrupted (the host is stopping). */
    public boolean pause() {
        if (latency.isZero()) {
            return true;
        }
        try {
            Thread.sleep(latency.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
