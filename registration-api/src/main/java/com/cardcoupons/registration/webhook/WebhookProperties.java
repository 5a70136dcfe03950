package com.cardcoupons.registration.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How webhooks are delivered: the key endpoint secrets are encrypted with; whether plain HTTP to loopback is allowed
 * (development and tests only); how often the dispatcher polls, how many deliveries it takes at once and how long a
 * claimed one is left to its sender; the retry backoff and how long after its event a delivery is retried; how far
 * back the dispatcher looks for events not yet fanned out; the call's timeouts; and how long a rotated-out secret
 * still signs.
 */
@ConfigurationProperties("coupons.webhooks")
public record WebhookProperties(String secretKey, boolean allowLoopbackHttp, Duration pollInterval, int batchSize,
        Duration lease, Duration firstRetry, Duration maxRetry, Duration maxAge, Duration ingestWindow,
        Duration connectTimeout, Duration readTimeout, Duration rotationGrace) {

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(firstRetry, maxRetry, maxAge);
    }
}
