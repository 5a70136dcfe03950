package com.cardcoupons.settlementcenter.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest {

    private final Faults faults = new Faults(new LatencyProperties(Duration.ofMillis(5), Duration.ZERO));

    @Test
    void withoutRulesEveryMessageIsAnsweredAfterTheBaseLatency() {
        assertThat(faults.next(Operation.AUTHORIZE, 100)).isEqualTo(new Fault(Duration.ofMillis(5), FaultRule.Effect.ANSWER));
        assertThat(faults.next(Operation.REVERSE, 100)).isEqualTo(new Fault(Duration.ZERO, FaultRule.Effect.ANSWER));
    }

    @Test
    void theFirstMatchingRuleAppliesAndIsUsedUp() {
        faults.add(new FaultRule(Operation.AUTHORIZE, 900L, 300L, FaultRule.Effect.ANSWER, 1));
        faults.add(new FaultRule(Operation.AUTHORIZE, null, 0L, FaultRule.Effect.FAIL_BEFORE_PROCESSING, null));

        assertThat(faults.next(Operation.AUTHORIZE, 900).latency()).isEqualTo(Duration.ofMillis(305));
        assertThat(faults.next(Operation.AUTHORIZE, 900).effect()).isEqualTo(FaultRule.Effect.FAIL_BEFORE_PROCESSING);
        assertThat(faults.next(Operation.AUTHORIZE, 1000).effect()).isEqualTo(FaultRule.Effect.FAIL_BEFORE_PROCESSING);
        assertThat(faults.next(Operation.REVERSE, 900).effect()).isEqualTo(FaultRule.Effect.ANSWER);
        assertThat(faults.list()).hasSize(1);

        faults.clear();
        assertThat(faults.next(Operation.AUTHORIZE, 1000).effect()).isEqualTo(FaultRule.Effect.ANSWER);
    }

    @Test
    void aFailureBeforeProcessingNeverProcessesAndAFailureAfterProcessingLosesOnlyTheAnswer() {
        AtomicInteger processed = new AtomicInteger();

        assertThatThrownBy(() -> new Fault(Duration.ZERO, FaultRule.Effect.FAIL_BEFORE_PROCESSING).apply(processed::incrementAndGet))
                .isInstanceOf(SimulatedFailure.class);
        assertThat(processed).hasValue(0);

        assertThatThrownBy(() -> new Fault(Duration.ZERO, FaultRule.Effect.FAIL_AFTER_PROCESSING).apply(processed::incrementAndGet))
                .isInstanceOf(SimulatedFailure.class);
        assertThat(processed).hasValue(1);

        assertThat(new Fault(Duration.ZERO, FaultRule.Effect.ANSWER).apply(processed::incrementAndGet)).isEqualTo(2);
    }
}
