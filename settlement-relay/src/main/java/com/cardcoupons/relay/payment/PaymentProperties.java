package com.cardcoupons.relay.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long a payment may stay unanswered before it counts as abandoned (its relay died mid-flow) and everything it
 * sent is reversed: much longer than any payment takes, since the settlement center's and coupon-server's timeouts
 * end every live payment well before. How often abandoned payments are looked for. And how long a retry of a
 * payment still in progress waits for its answer before it is told to come back. And how long after a payment arrived
 * a coupon search answering late may still apply its discount ({@code lateCouponWindow}).
 */
@ConfigurationProperties("relay.payment")
public record PaymentProperties(Duration deadline, Duration abandonmentCheck, Duration retryWait, Duration lateCouponWindow) {
}
