package com.cardcoupons.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** How long recorded outcomes are kept for retries. */
@ConfigurationProperties("coupons.idempotency")
public record IdempotencyProperties(Duration retention) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofDays(7) : retention;
    }
}
