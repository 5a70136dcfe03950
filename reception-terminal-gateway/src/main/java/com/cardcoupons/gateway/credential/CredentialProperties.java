package com.cardcoupons.gateway.credential;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Credential settings: how long a rotated-out secret may keep working at most. */
@ConfigurationProperties("coupons.gateway.credentials")
record CredentialProperties(Duration maxRotationOverlap) {

    CredentialProperties {
        maxRotationOverlap = maxRotationOverlap == null ? Duration.ofHours(24) : maxRotationOverlap;
    }
}
