package com.cardcoupons.platform.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where a service records the outcomes of its keyed calls, and for how long. Each service has a table of its own,
 * which only it writes ({@code table}); a table kept {@code per-card} holds each outcome with the card the call
 * concerns (a column {@code card_token} in its primary key), as coupon-server's does (docs/scale-out.md).
 */
@ConfigurationProperties("coupons.idempotency")
public record IdempotencyProperties(Duration retention, String table, boolean perCard) {

    private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofDays(7) : retention;
        if (table == null || !TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("coupons.idempotency.table must name the service's own table, not '" + table + "'");
        }
    }
}
