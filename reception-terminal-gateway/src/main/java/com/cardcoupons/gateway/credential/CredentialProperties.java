package com.cardcoupons.gateway.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Credential settings: how long a rotated-out secret may keep working at most, and the key of a first platform
 * administrator to create at start when none could be issued yet (see {@link BootstrapAdmin}).
 */
@ConfigurationProperties("coupons.gateway.credentials")
record CredentialProperties(Duration maxRotationOverlap, String bootstrapAdminKey) {

    CredentialProperties {
        maxRotationOverlap = maxRotationOverlap == null ? Duration.ofHours(24) : maxRotationOverlap;
        bootstrapAdminKey = bootstrapAdminKey == null || bootstrapAdminKey.isBlank() ? null : bootstrapAdminKey.strip();
    }
}
