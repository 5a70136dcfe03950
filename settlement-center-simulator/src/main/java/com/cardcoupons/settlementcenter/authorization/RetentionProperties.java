package com.cardcoupons.settlementcenter.authorization;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How many authorizations the simulator remembers; beyond that the oldest expire and release their funds. */
@ConfigurationProperties("settlement-center.retention")
public record RetentionProperties(int maxAuthorizations) {

    public RetentionProperties {
        if (maxAuthorizations <= 0) {
            throw new IllegalArgumentException("settlement-center.retention.max-authorizations must be positive");
        }
    }
}
