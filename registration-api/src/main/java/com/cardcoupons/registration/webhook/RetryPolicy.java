package com.cardcoupons.registration.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a delivery not acknowledged is tried again: after {@code firstRetry}, doubling with each attempt up to
 * {@code maxRetry}, for as long as the next attempt falls before the delivery gives up ({@code maxAge} after its
 * event); past that it is failed.
 */
public record RetryPolicy(Duration firstRetry, Duration maxRetry, Duration maxAge) {

    public RetryPolicy {
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0 || maxAge.isNegative()) {
            throw new IllegalArgumentException("retries need 0 < firstRetry <= maxRetry and a maxAge");
        }
    }

    /** The delay after {@code attempts} failed attempts (1 for the first). */
    public Duration backoff(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetry) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetry) > 0 ? maxRetry : delay;
    }

    /** The next attempt after {@code attempts} failed ones at {@code now}, or none if it would come after {@code giveUpAt}. */
    public Optional<Instant> nextAttempt(int attempts, Instant now, Instant giveUpAt) {
        Instant next = now.plus(backoff(attempts));
        return next.isAfter(giveUpAt) ? Optional.empty() : Optional.of(next);
    }

    /** When a delivery of an event that happened at {@code occurredAt} stops being retried. */
    public Instant giveUpAt(Instant occurredAt) {
        return occurredAt.plus(maxAge);
    }
}
