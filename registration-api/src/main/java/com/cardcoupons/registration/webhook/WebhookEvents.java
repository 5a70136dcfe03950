package com.cardcoupons.registration.webhook;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.registration.campaign.Campaign;
import com.cardcoupons.registration.coupon.Coupon;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * registration-api's events, appended to {@code registration_event} in the caller's transaction: they commit with
 * the change they report, or not at all. Each place that makes such a change calls one method here. A payload
 * carries ids, and of a card its type, brand and last four at most.
 */
@Repository
public class WebhookEvents {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final Clock clock;

    WebhookEvents(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A campaign step: submitted (a campaign or a new version), approved, rejected, suspended or ended. */
    public void campaign(Campaign campaign, EventType type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("campaignId", campaign.id());
        data.put("shortCode", campaign.shortCode().value());
        data.put("state", campaign.state().name());
        data.put("version", campaign.latestVersion().number());
        data.put("liveVersion", campaign.liveVersionNumber());
        record(campaign.merchantId(), type, clock.instant(), data);
    }

    /** A coupon acquired on a usage medium. */
    public void couponAcquired(Coupon coupon, UUID merchantId) {
        TokenizedMedium medium = coupon.medium();
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", medium.type().name());
        card.put("brand", medium.brand() == null ? null : medium.brand().name());
        card.put("program", medium.program());
        card.put("lastFour", medium.lastFour());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("couponId", coupon.id());
        data.put("campaignId", coupon.campaignId());
        data.put("channel", coupon.channel().name());
        data.put("medium", card);
        data.put("expiresAt", coupon.expiresAt());
        record(merchantId, EventType.COUPON_ACQUIRED, coupon.acquiredAt(), data);
    }

    private void record(UUID merchantId, EventType type, Instant at, Map<String, Object> data) {
        jdbc.sql("insert into registration_event (id, merchant_id, type, occurred_at, data) values (?, ?, ?, ?, cast(? as jsonb))")
                .params(UUID.randomUUID(), merchantId, type.wireName(), Timestamp.from(at), JSON.writeValueAsString(data))
                .update();
    }
}
