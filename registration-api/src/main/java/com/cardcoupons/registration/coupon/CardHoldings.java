package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.medium.CardToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/**
 * How many coupons of each campaign each medium holds: the per-card limit, kept by a conditional upsert that waits
 * for the row lock of a concurrent one and then re-checks its condition against the committed count. Callers count
 * the campaign ({@code Campaigns.takeCoupon}) before the medium, always in that order, so they never deadlock.
 */
@Repository
public class CardHoldings {

    private final JdbcClient jdbc;

    CardHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts one more coupon of the campaign on the medium, if it holds fewer than the limit; false otherwise. */
    public boolean take(UUID campaignId, CardToken token, int perCardLimit) {
        return jdbc.sql("""
                        insert into campaign_card_holding (campaign_id, card_token, acquired) values (?, ?, 1)
                        on conflict (campaign_id, card_token) do update
                               set acquired = campaign_card_holding.acquired + 1
                             where campaign_card_holding.acquired < ?""")
                .params(campaignId, token.value(), perCardLimit)
                .update() == 1;
    }

    /** A cancelled coupon counts no more towards its medium's limit. */
    public void giveBack(UUID campaignId, CardToken token) {
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
