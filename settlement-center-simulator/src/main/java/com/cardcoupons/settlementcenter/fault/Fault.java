package com.cardcoupons.settlementcenter.fault;

import java.time.Duration;
import java.util.function.Supplier;

/** What happens to one message: how long its answer takes and whether it is processed and answered. */
public record Fault(Duration latency, FaultRule.Effect effect) {

    /** Processes the message unless the fault drops it first, and delays or loses the answer as the fault says. */
    public <T> T apply(Supplier<T> processing) {
        if (effect == FaultRule.Effect.FAIL_BEFORE_PROCESSING) {
            pause();
            throw new SimulatedFailure("injected failure: the message was not processed");
        }
        T answer = processing.get();
        pause();
        if (effect == FaultRule.Effect.FAIL_AFTER_PROCESSING) {
            throw new SimulatedFailure("injected failure: the message was processed but its answer is lost");
        }
        return answer;
    }

    private void pause() {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatedFailure("interrupted while delaying the answer");
        }
    }
}
