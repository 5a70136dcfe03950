package com.cardcoupons.couponserver.usage;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The accumulated figures of a campaign, or of one slice of it: coupons acquired, matched in searches, reserved,
 * used, released, expired, reversed and cancelled, and the discount granted net of reversals.
 */
public record UsageFigures(long acquired, long matchedInSearches, long reserved, long used, long released, long expired,
                           long reversed, long cancelled, long discountGrantedMinor) {

    /** The aggregate columns every usage query selects, over rows of {@code usage_event} aliased {@code e}. */
    static final String AGGREGATES = """
            count(*) filter (where e.type = 'ACQUIRED') as acquired,
            count(*) filter (where e.type = 'MATCHED') as matched,
            count(*) filter (where e.type = 'RESERVED') as reserved,
            count(*) filter (where e.type = 'CONFIRMED') as used,
            count(*) filter (where e.type = 'RELEASED') as released,
            count(*) filter (where e.type = 'EXPIRED') as expired,
            count(*) filter (where e.type = 'REVERSED') as reversed,
            count(*) filter (where e.type = 'CANCELLED') as cancelled,
            coalesce(sum(e.discount_minor) filter (where e.type = 'CONFIRMED'), 0)
              - coalesce(sum(e.discount_minor) filter (where e.type = 'REVERSED'), 0) as discount_granted""";

    static final UsageFigures NONE = new UsageFigures(0, 0, 0, 0, 0, 0, 0, 0, 0);

    static UsageFigures of(ResultSet rs) throws SQLException {
        return new UsageFigures(rs.getLong("acquired"), rs.getLong("matched"), rs.getLong("reserved"), rs.getLong("used"),
                rs.getLong("released"), rs.getLong("expired"), rs.getLong("reversed"), rs.getLong("cancelled"),
                rs.getLong("discount_granted"));
    }
}
