package com.cardcoupons.gateway.access;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** The route-to-role table, as configured in {@code application.yml} ({@code coupons.gateway.access.rules}). */
@ConfigurationProperties("coupons.gateway.access")
record AccessProperties(List<AccessRule> rules) {

    AccessProperties {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
