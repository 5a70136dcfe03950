package com.cardcoupons.relay.ledger;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The ledger's own connection pool: its size, and how long a write waits for a connection before it fails (short:
 * a payment waiting on its journal is better failed and retried, and its deadline reverses what it sent).
 */
@ConfigurationProperties("relay.ledger")
public record LedgerProperties(int poolSize, Duration connectionTimeout) {

    public LedgerProperties {
        if (poolSize <= 0) {
            throw new IllegalArgumentException("relay.ledger.pool-size must be positive");
        }
    }
}
