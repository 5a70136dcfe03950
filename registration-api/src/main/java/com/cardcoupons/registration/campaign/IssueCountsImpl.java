package com.cardcoupons.registration.campaign;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.util.UUID;

/** Found by Spring Data by its name: {@link IssueCounts} as plain SQL, in the caller's transaction. */
@Repository
class IssueCountsImpl implements IssueCounts {

    private final JdbcClient jdbc;
    private final EntityManager entities;

    IssueCountsImpl(JdbcClient jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    @Override
    public boolean takeCoupon(UUID campaignId, int liveVersion, Integer totalCap) {
        SqlParameterValue cap = new SqlParameterValue(Types.INTEGER, totalCap);
        int counted = jdbc.sql("""
                        insert into campaign_issue (campaign_id, acquired_count)
                        select id, 1 from campaign where id = ? and state = 'APPROVED' and live_version = ?
                        on conflict (campaign_id) do update set acquired_count = campaign_issue.acquired_count + 1
                         where cast(? as integer) is null or campaign_issue.acquired_count < cast(? as integer)""")
                .params(campaignId, liveVersion, cap, cap)
                .update();
        entities.clear();
        return counted == 1;
    }

    @Override
    public void giveBackCoupon(UUID campaignId) {
        jdbc.sql("update campaign_issue set acquired_count = acquired_count - 1 where campaign_id = ? and acquired_count > 0")
                .param(campaignId).update();
        entities.clear();
    }
}
