package com.cardcoupons.relay.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a payment may stay unanswered before it counts as abandoned (its relay died mid-flow) and everything it
 * sent is reversed. Much longer than any payment takes: the settlement center's and coupon-server's timeouts end
 * every live payment well before.
 */
@ConfigurationProperties("relay.payment")
public record PaymentProperties(Duration deadline, Duration abandonmentCheck) {
}
