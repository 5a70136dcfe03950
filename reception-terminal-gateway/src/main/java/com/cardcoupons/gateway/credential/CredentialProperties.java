package com.cardcoupons.gateway.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Credential settings: how long a rotated-out secret may keep working at most, the key of a first platform
 * administrator to create at start when none could be issued yet (see {@link BootstrapAdmin}), how credentials
 * are kept in memory ({@link KnownCredentials}), and how answers to keyed calls are kept for replay
 * ({@link KeyedCalls}): sealed under {@code replayKey}, for {@code replayWindow}.
 */
@ConfigurationProperties("coupons.gateway.credentials")
record CredentialProperties(Duration maxRotationOverlap, String bootstrapAdminKey, Cache cache, String replayKey,
        Duration replayWindow) {

    CredentialProperties {
        maxRotationOverlap = maxRotationOverlap == null ? Duration.ofHours(24) : maxRotationOverlap;
        bootstrapAdminKey = bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey.strip();
        cache = cache == null ? new Cache(null, 0, null, null) : cache;
        replayKey = replayKey == null || replayKey.isBlank() ? null : replayKey.strip();
        // long enough for any retry of an administrator or a console; a kept secret is sealed, but kept no longer
        replayWindow = replayWindow == null ? Duration.ofHours(24) : replayWindow;
    }

    @Override
    public String toString() {
        return "CredentialProperties[maxRotationOverlap=" + maxRotationOverlap + ", bootstrapAdminKey=****, cache="
                + cache + ", replayKey=****, replayWindow=" + replayWindow + "]";
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
