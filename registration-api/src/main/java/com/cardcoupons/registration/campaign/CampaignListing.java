package com.cardcoupons.registration.campaign;

import com.cardcoupons.model.terminal.CouponKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.UUID;

import static com.cardcoupons.registration.PostgresTypes.instant;
import static com.cardcoupons.registration.PostgresTypes.integer;

/** Campaigns listed for a merchant or an approver, most recently changed first. */
@Repository
class CampaignListing {

    private final JdbcClient jdbc;

    CampaignListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the campaigns matching every given filter: of a merchant, in a state, or with a version awaiting
     * approval (which an approved campaign may have too). Fetches one more than asked to tell whether more follow.
     */
    List<CampaignSummary> list(UUID merchantId, CampaignState state, boolean awaitingApproval, int offset, int limit) {
        return jdbc.sql("""
                        select c.id, c.merchant_id, c.short_code, c.state, c.live_version, c.acquired_count, c.updated_at,
                               coalesce(live.title, latest.title) as title, coalesce(live.kind, latest.kind) as kind,
                               pending.version as pending_version
                          from campaign c
                          join lateral (select v.title, v.kind from campaign_version v
                                         where v.campaign_id = c.id order by v.version desc limit 1) latest on true
                          left join campaign_version live on live.campaign_id = c.id and live.version = c.live_version
                          left join campaign_version pending
                                 on pending.campaign_id = c.id and pending.approval_state = 'PENDING_APPROVAL'
                         where (cast(:merchant as uuid) is null or c.merchant_id = :merchant)
                           and (cast(:state as text) is null or c.state = :state)
                           and (not :awaiting or pending.id is not null)
                         order by c.updated_at desc, c.id
                         limit :limit offset :offset""")
                .param("merchant", merchantId)
                .param("state", state == null ? null : state.name())
                .param("awaiting", awaitingApproval)
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> new CampaignSummary(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getString("short_code"), CampaignState.valueOf(rs.getString("state")), rs.getString("title"),
                        CouponKind.valueOf(rs.getString("kind")), integer(rs, "live_version"), integer(rs, "pending_version"),
                        rs.getInt("acquired_count"), instant(rs, "updated_at")))
                .list();
    }
}
