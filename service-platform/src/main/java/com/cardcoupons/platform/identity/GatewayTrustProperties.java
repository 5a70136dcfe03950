package com.cardcoupons.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How services trust the gateway: the secret the gateway signs identity headers with, and how old a signature may
 * be. {@code verify=false} only for the gateway itself, which signs rather than verifies.
 */
@ConfigurationProperties("coupons.gateway-trust")
public record GatewayTrustProperties(String sharedSecret, Duration maxIdentityAge, boolean verify) {

    public GatewayTrustProperties {
        maxIdentityAge = maxIdentityAge == null ? Duration.ofSeconds(60) : maxIdentityAge;
    }
}
