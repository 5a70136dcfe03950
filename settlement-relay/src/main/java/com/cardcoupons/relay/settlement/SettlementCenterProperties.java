package com.cardcoupons.relay.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.time.Duration;

/**
 * Where the settlement center is and how long to wait for it. Past {@code authorizationTimeout} an authorization
 * counts as unanswered and is reversed.
 */
@ConfigurationProperties("relay.settlement-center")
public record SettlementCenterProperties(URI url, Duration connectTimeout, Duration authorizationTimeout,
        Duration reversalTimeout) {
}
