package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/**
 * The coupons a campaign has issued in total and to each medium, counted by conditional updates so that the total
 * cap and the per-card limit hold under any number of concurrent acquisitions: each update waits for the row lock
 * of the one before, then re-checks its condition against the committed count. Callers take the campaign's count
 * before the medium's, always in that order.
 */
@Repository
public class Capacity {

    private final JdbcClient jdbc;

    Capacity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Counts one more coupon of the campaign, if it is still approved with this live version and below the cap
     * (none when null); false, counting nothing, otherwise.
     */
    public boolean takeFromCampaign(UUID campaignId, int liveVersion, Integer totalCap) {
        return jdbc.sql("""
                        update campaign set acquired_count = acquired_count + 1
                         where id = ? and state = 'APPROVED' and live_version = ?
                           and (cast(? as integer) is null or acquired_count < cast(? as integer))""")
                .params(campaignId, liveVersion, totalCap, totalCap)
                .update() == 1;
    }

    /** Counts one more coupon of the campaign on the medium, if it holds fewer than the limit; false otherwise. */
    public boolean takeForMedium(UUID campaignId, CardToken token, int perCardLimit) {
        return jdbc.sql("""
                        insert into campaign_card_holding (campaign_id, card_token, acquired) values (?, ?, 1)
                        on conflict (campaign_id, card_token) do update
                               set acquired = campaign_card_holding.acquired + 1
                             where campaign_card_holding.acquired < ?""")
                .params(campaignId, token.value(), perCardLimit)
                .update() == 1;
    }

    /** A cancelled coupon counts no more, towards the cap or towards its medium's limit. */
    public void giveBack(UUID campaignId, CardToken token) {
        jdbc.sql("update campaign set acquired_count = acquired_count - 1 where id = ? and acquired_count > 0")
                .param(campaignId)
                .update();
        int lowered = jdbc.sql("""
                        update campaign_card_holding set acquired = acquired - 1
                         where campaign_id = ? and card_token = ? and acquired > 1""")
                .params(campaignId, token.value())
                .update();
        if (lowered == 0) {
            jdbc.sql("delete from campaign_card_holding where campaign_id = ? and card_token = ? and acquired = 1")
                    .params(campaignId, token.value())
                    .update();
        }
    }
}
