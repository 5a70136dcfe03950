package com.cardcoupons.relay.coupon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where coupon-server is and how long its calls may take. The search's budget is the time limiter's
 * ({@code resilience4j.timelimiter.instances.coupon-search}); {@code searchReadTimeout} only frees the thread of a
 * search the payment already stopped waiting for. {@code reservationTimeout} bounds the reservation the payment
 * waits for, and the follow-up calls. {@code warmUpHealthReads} is how many times each client reads coupon-server's
 * health while the relay starts (none turns the warm-up of connections off).
 */
@ConfigurationProperties("relay.coupon-server")
public record CouponServerProperties(URI url, Duration connectTimeout, Duration searchReadTimeout,
        Duration reservationTimeout, int searchThreads, int searchQueue, int warmUpHealthReads) {
}
