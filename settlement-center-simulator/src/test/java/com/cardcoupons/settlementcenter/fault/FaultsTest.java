package com.cardcoupons.settlementcenter.fault;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsTest {

    private final Faults faults = new Faults(new LatencyProperties(Duration.ofMillis(5), Duration.ZERO));

    @Test
    void withoutRulesEveryMessageIsAnsweredAfterTheBaseLatency() {
        assertThat(faults.next(Operation.AUTHORIZE, 100)).isEqualTo(new Fault(Duration.ofMillis(5), FaultRule.Effect.ANSWER, null));
        assertThat(faults.next(Operation.REVERSE, 100)).isEqualTo(new Fault(Duration.ZERO, FaultRule.Effect.ANSWER, null));
        assertThat(faults.next(Operation.NETWORK_MANAGEMENT, 0)).isEqualTo(new Fault(Duration.ZERO, FaultRule.Effect.ANSWER, null));
    }

    @Test
    void theFirstMatchingRuleAppliesAndIsUsedUp() {
        faults.add(new FaultRule(Operation.AUTHORIZE, 900L, 300L, FaultRule.Effect.ANSWER, null, 1));
        faults.add(new FaultRule(Operation.AUTHORIZE, null, 0L, FaultRule.Effect.NO_ANSWER, null, null));

        assertThat(faults.next(Operation.AUTHORIZE, 900).latency()).isEqualTo(Duration.ofMillis(305));
        assertThat(faults.next(Operation.AUTHORIZE, 900).effect()).isEqualTo(FaultRule.Effect.NO_ANSWER);
        assertThat(faults.next(Operation.AUTHORIZE, 1000).effect()).isEqualTo(FaultRule.Effect.NO_ANSWER);
        assertThat(faults.next(Operation.REVERSE, 900).effect()).isEqualTo(FaultRule.Effect.ANSWER);
        assertThat(faults.list()).hasSize(1);

        faults.clear();
        assertThat(faults.next(Operation.AUTHORIZE, 1000).effect()).isEqualTo(FaultRule.Effect.ANSWER);
    }

    @Test
    void aMessageIsProcessedUnlessIgnoredOrAnsweredWithAForcedResponseCode() {
        assertThat(new Fault(Duration.ZERO, FaultRule.Effect.NO_ANSWER, null).processed()).isTrue();
        assertThat(new Fault(Duration.ZERO, FaultRule.Effect.DROP_CONNECTION, null).processed()).isTrue();
        assertThat(new Fault(Duration.ZERO, FaultRule.Effect.IGNORE, null).processed()).isFalse();
        assertThat(new Fault(Duration.ZERO, FaultRule.Effect.ANSWER, "96").processed()).isFalse();
    }
}
