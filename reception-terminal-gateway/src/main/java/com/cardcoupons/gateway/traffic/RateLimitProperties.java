package com.cardcoupons.gateway.traffic;

import com.cardcoupons.platform.identity.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * How many requests a credential may make: {@code capacity} at once, refilled evenly over {@code period}. Each
 * role may have its own limit; the default applies to the others.
 */
@ConfigurationProperties("coupons.gateway.rate-limit")
record RateLimitProperties(Limit defaults, Map<Role, Limit> roles) {

    RateLimitProperties {
        defaults = defaults == null ? new Limit(100, Duration.ofSeconds(1)) : defaults;
        roles = roles == null ? Map.of() : Map.copyOf(roles);
    }

    Limit forRole(Role role) {
        return roles.getOrDefault(role, defaults);
    }

    /** A token bucket: {@code capacity} tokens, all refilled over {@code period}. */
    record Limit(long capacity, Duration period) {

        Limit {
            if (capacity <= 0 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a rate limit has a positive capacity and period");
            }
        }
    }
}
