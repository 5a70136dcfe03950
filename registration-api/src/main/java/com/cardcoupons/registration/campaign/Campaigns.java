package com.cardcoupons.registration.campaign;

import com.cardcoupons.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static com.cardcoupons.registration.PostgresTypes.instant;
import static com.cardcoupons.registration.PostgresTypes.integer;
import static com.cardcoupons.registration.PostgresTypes.timestamp;

/** Every campaign, with its versions and its recorded approval steps. */
@Repository
public class Campaigns {

    private static final String CAMPAIGN = "select id, merchant_id, short_code, state, live_version, acquired_count from campaign";

    private final JdbcClient jdbc;

    Campaigns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Campaign> find(UUID id) {
        return load(CAMPAIGN + " where id = ?", id);
    }

    public Optional<Campaign> findByShortCode(ShortCode code) {
        return load(CAMPAIGN + " where short_code = ?", code.value());
    }

    /**
     * Adds a new campaign; false, writing nothing, when its short code is taken. The campaign row goes first, so a
     * concurrent submission with the same short code waits for this one and then finds the code taken.
     */
    @Transactional
    public boolean add(Campaign campaign) {
        int inserted = jdbc.sql("""
                        insert into campaign (id, merchant_id, short_code, state, live_version, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (short_code) do nothing""")
                .params(campaign.id(), campaign.merchantId(), campaign.shortCode().value(), campaign.state().name(),
                        campaign.liveVersionNumber(), timestamp(lastStepAt(campaign)), timestamp(lastStepAt(campaign)))
                .update();
        if (inserted == 0) {
            return false;
        }
        writeChanges(campaign);
        return true;
    }

    /**
     * Takes one approval step on a campaign, holding its row lock from reading to writing, so concurrent steps on
     * the same campaign happen one after the other and each sees the outcome of the one before.
     */
    @Transactional
    public Campaign change(UUID id, Consumer<Campaign> step) {
        Campaign campaign = load(CAMPAIGN + " where id = ? for update", id).orElseThrow(() -> new CampaignNotFound("campaignId"));
        step.accept(campaign);
        jdbc.sql("update campaign set state = ?, live_version = ?, updated_at = ? where id = ?")
                .params(campaign.state().name(), campaign.liveVersionNumber(), timestamp(lastStepAt(campaign)), id)
                .update();
        writeChanges(campaign);
        return campaign;
    }

    /** The campaign's recorded approval steps, oldest first. */
    public List<Transition> history(UUID id) {
        return jdbc.sql("""
                        select t.from_state, t.to_state, t.action, t.campaign_version_id, v.version, t.actor, t.actor_role,
                               t.reason, t.occurred_at
                          from campaign_transition t
                          left join campaign_version v on v.id = t.campaign_version_id
                         where t.campaign_id = ?
                         order by t.occurred_at, t.id""")
                .param(id)
                .query((rs, row) -> new Transition(
                        state(rs.getString("from_state")), state(rs.getString("to_state")),
                        TransitionAction.valueOf(rs.getString("action")),
                        rs.getObject("campaign_version_id", UUID.class), rs.getInt("version"),
                        new Actor(rs.getString("actor"), Role.valueOf(rs.getString("actor_role"))),
                        rs.getString("reason"), instant(rs, "occurred_at")))
                .list();
    }

    /** The campaign row first, then its versions: one query at a time, so a load never holds two connections. */
    private Optional<Campaign> load(String sql, Object key) {
        return jdbc.sql(sql).param(key)
                .query((rs, row) -> new CampaignRow(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getString("short_code"), rs.getString("state"), integer(rs, "live_version"),
                        rs.getInt("acquired_count")))
                .optional()
                .map(this::withVersions);
    }

    private Campaign withVersions(CampaignRow row) {
        List<CampaignVersion> versions = jdbc.sql("select * from campaign_version where campaign_id = ? order by version")
                .param(row.id())
                .query((rs, n) -> VersionRows.map(rs))
                .list();
        return new Campaign(row.id(), row.merchantId(), new ShortCode(row.shortCode()), CampaignState.valueOf(row.state()),
                row.liveVersion(), row.acquiredCount(), versions);
    }

    /** Decisions first, so a withdrawn version no longer counts as pending when its successor is inserted. */
    private void writeChanges(Campaign campaign) {
        for (CampaignVersion decided : campaign.decidedVersions()) {
            jdbc.sql("update campaign_version set approval_state = ? where id = ?")
                    .params(decided.approvalState().name(), decided.id())
                    .update();
        }
        for (CampaignVersion submitted : campaign.submittedVersions()) {
            VersionRows.insert(jdbc, campaign.id(), submitted);
        }
        for (Transition step : campaign.recordedTransitions()) {
            jdbc.sql("""
                            insert into campaign_transition (campaign_id, campaign_version_id, from_state, to_state, action,
                                                             actor, actor_role, reason, occurred_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(campaign.id(), step.versionId(), step.from() == null ? null : step.from().name(),
                            step.to().name(), step.action().name(), step.actor().principal(), step.actor().role().name(),
                            step.reason(), timestamp(step.at()))
                    .update();
        }
    }

    private static Instant lastStepAt(Campaign campaign) {
        List<Transition> steps = campaign.recordedTransitions();
        return steps.get(steps.size() - 1).at();
    }

    private static CampaignState state(String name) {
        return name == null ? null : CampaignState.valueOf(name);
    }

    private record CampaignRow(UUID id, UUID merchantId, String shortCode, String state, Integer liveVersion,
                               int acquiredCount) {
    }
}
