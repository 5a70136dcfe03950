package com.cardcoupons.gateway.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** Which merchant runs a campaign, so the gateway can keep merchants to their own. */
@Repository
class CampaignOwners {

    private final JdbcClient jdbc;

    CampaignOwners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UUID> merchantOf(UUID campaignId) {
        return jdbc.sql("select merchant_id from campaign where id = ?").param(campaignId).query(UUID.class).optional();
    }
}
