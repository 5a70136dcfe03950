package com.cardcoupons.registration.coupon;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.UUID;

import static com.cardcoupons.registration.PostgresTypes.timestamp;

/** The accumulated usage information (claims 2 and 12): acquisitions and cancellations, by channel and medium type. */
@Repository
public class UsageEvents {

    private final JdbcClient jdbc;

    UsageEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void acquired(Coupon coupon, UUID merchantId) {
        record("ACQUIRED", coupon, coupon.channel(), merchantId, coupon.acquiredAt());
    }

    /** Cancelled through {@code channel}, which need not be the one the coupon was acquired from. */
    public void cancelled(Coupon coupon, Channel channel, UUID merchantId, Instant at) {
        record("CANCELLED", coupon, channel, merchantId, at);
    }

    private void record(String type, Coupon coupon, Channel channel, UUID merchantId, Instant at) {
        jdbc.sql("""
                        insert into usage_event (occurred_at, type, campaign_id, coupon_id, card_token, medium_type, channel, merchant_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(timestamp(at), type, coupon.campaignId(), coupon.id(), coupon.medium().token().value(),
                        coupon.medium().type().name(), channel.name(), merchantId)
                .update();
    }
}
