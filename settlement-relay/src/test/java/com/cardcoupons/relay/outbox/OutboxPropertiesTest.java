package com.cardcoupons.relay.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxPropertiesTest {

    private final OutboxProperties properties = new OutboxProperties(Duration.ofSeconds(1), 20, Duration.ofSeconds(30),
            Duration.ofSeconds(1), Duration.ofMinutes(5));

    @Test
    void retriesBackOffByDoublingUpToTheMaximum() {
        assertThat(properties.backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.backoff(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(properties.backoff(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(properties.backoff(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(properties.backoff(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.backoff(10_000)).isEqualTo(Duration.ofMinutes(5));
    }
}
