package com.cardcoupons.relay.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the outbox is worked: how often it is polled, how many follow-ups are taken at once, how long a claimed one is
 * left to its sender before another may take it, and the retry backoff (doubling from {@code firstRetry}, at most
 * {@code maxRetry}).
 */
@ConfigurationProperties("relay.outbox")
public record OutboxProperties(Duration pollInterval, int batchSize, Duration lease, Duration firstRetry, Duration maxRetry) {

    /** When to try again after {@code attempt} failed attempts. */
    public Duration backoff(int attempt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempt && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }
}
