package com.cardcoupons.settlementcenter.fault;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Latency added to every answer, so a benchmark can give the settlement center a realistic round trip. */
@ConfigurationProperties("settlement-center.latency")
public record LatencyProperties(Duration authorization, Duration reversal) {

    public LatencyProperties {
        authorization = authorization == null ? Duration.ZERO : authorization;
        reversal = reversal == null ? Duration.ZERO : reversal;
    }

    Duration of(Operation operation) {
        return switch (operation) {
            case AUTHORIZE -> authorization;
            case REVERSE -> reversal;
            case NETWORK_MANAGEMENT -> Duration.ZERO;
        };
    }
}
