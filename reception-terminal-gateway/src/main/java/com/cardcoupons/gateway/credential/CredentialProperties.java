package com.cardcoupons.gateway.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Credential settings: how long a rotated-out secret may keep working at most, the key of a first platform
 * administrator to create at start when none could be issued yet (see {@link BootstrapAdmin}), and how credentials
 * are kept in memory ({@link KnownCredentials}).
 */
@ConfigurationProperties("coupons.gateway.credentials")
record CredentialProperties(Duration maxRotationOverlap, String bootstrapAdminKey, Cache cache) {

    CredentialProperties {
        maxRotationOverlap = maxRotationOverlap == null ? Duration.ofHours(24) : maxRotationOverlap;
        bootstrapAdminKey = bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey.strip();
        cache = cache == null ? new Cache(null, 0, null, null) : cache;
    }

    /**
     * How credentials are kept in memory: each for at most {@code timeToLive}, the backstop should a change
     * notification be lost; at most {@code maximumSize} of them; changes heard of on a connection to
     * {@code listenUrl} (the datasource's when not set: a pooler in transaction mode, such as PgBouncer's, cannot
     * carry LISTEN, so there it must name PostgreSQL itself), checked every {@code listenCheck}.
     */
    record Cache(Duration timeToLive, long maximumSize, String listenUrl, Duration listenCheck) {

        Cache {
            timeToLive = timeToLive == null ? Duration.ofSeconds(10) : timeToLive;
            maximumSize = maximumSize <= 0 ? 100_000 : maximumSize;
            listenUrl = listenUrl == null || listenUrl.isBlank() ? null : listenUrl.strip();
            listenCheck = listenCheck == null ? Duration.ofSeconds(10) : listenCheck;
        }
    }
}
