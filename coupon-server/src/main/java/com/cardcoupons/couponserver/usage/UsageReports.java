package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.budget.BudgetCounters;
import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads the usage log per campaign, with the coupons acquired and cancelled, which the {@code coupon} rows record
 * (registration-api's, read here). One statement computes the total and every breakdown at once ({@code GROUPING
 * SETS}) on the indexes {@code usage_event_by_campaign} and {@code coupon_by_campaign}; the budget, when the campaign
 * has one, is read from its counts ({@link BudgetCounters}). The figures include every search
 * this service answered before they were asked for: the search log is flushed first.
 */
@Repository
class UsageReports {

    /** A campaign's title, time zone and currency: those of its live terms, or of its latest version before approval. */
    private static final String CAMPAIGN_COLUMNS = """
            select k.id, k.merchant_id, k.state, v.title, v.time_zone, v.currency, v.budget_total_minor, v.uses_per_day,
                   v.uses_per_week, v.uses_per_month, v.uses_per_card_per_day, v.uses_per_card_per_week,
                   v.uses_per_card_per_month""";
    private static final String CAMPAIGN_FROM = """
              from campaign k
              join lateral (select title, time_zone, currency, budget_total_minor, uses_per_day, uses_per_week,
                                   uses_per_month, uses_per_card_per_day, uses_per_card_per_week, uses_per_card_per_month
                              from campaign_version cv where cv.campaign_id = k.id
                             order by (cv.version = k.live_version) desc nulls last, cv.version desc limit 1) v on true
            """;

    private static final RowMapper<CampaignUsage.Campaign> CAMPAIGN_ROW = (rs, row) -> {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        return new CampaignUsage.Campaign(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                rs.getString("title"), rs.getString("state"), zone,
                rs.getString("currency") == null ? null : Currency.getInstance(rs.getString("currency")),
                new CampaignBudget(zone, (Long) rs.getObject("budget_total_minor"), (Integer) rs.getObject("uses_per_day"),
                        (Integer) rs.getObject("uses_per_week"), (Integer) rs.getObject("uses_per_month"),
                        (Integer) rs.getObject("uses_per_card_per_day"), (Integer) rs.getObject("uses_per_card_per_week"),
                        (Integer) rs.getObject("uses_per_card_per_month")));
    };

    /**
     * The events of the campaign {@code %1$s} names, as rows of {@code type, store_id, channel, medium_type,
     * discount_minor, at}: those of the usage log but the budgets run out (no figure counts them), and an acquisition
     * and a cancellation for each coupon acquired and cancelled.
     */
    private static final String EVENTS = """
            select type::text as type, store_id, channel::text as channel, medium_type::text as medium_type, discount_minor,
                   occurred_at as at
              from usage_event where campaign_id = %1$s and type <> 'BUDGET_EXHAUSTED'
            union all
            select 'ACQUIRED', null, channel, medium_type, null, acquired_at from coupon where campaign_id = %1$s
            union all
            select 'CANCELLED', null, cancelled_via, medium_type, null, cancelled_at from coupon
             where campaign_id = %1$s and cancelled_at is not null""";

    private static final String FIGURES = """
            with f as (
                select grouping(e.day) as no_day, grouping(e.store_id) as no_store, grouping(e.channel) as no_channel,
                       grouping(e.medium_type) as no_medium, e.day, e.store_id, e.channel, e.medium_type,
                       %s
                  from (select type, store_id, channel, medium_type, discount_minor, (at at time zone ?)::date as day
                          from (%s) as events where at >= ? and at < ?) e
                 group by grouping sets ((), (e.day), (e.store_id), (e.channel), (e.medium_type)))
            select f.*, s.code as store_code, s.name as store_name
              from f left join store s on s.id = f.store_id
             order by f.day, s.name, f.store_id, f.channel, f.medium_type""".formatted(UsageFigures.AGGREGATES, EVENTS.formatted("?"));

    private final JdbcClient jdbc;
    private final SearchLog searchLog;
    private final BudgetCounters budgets;
    private final Clock clock;

    UsageReports(JdbcClient jdbc, SearchLog searchLog, BudgetCounters budgets, Clock clock) {
        this.jdbc = jdbc;
        this.searchLog = searchLog;
        this.budgets = budgets;
        this.clock = clock;
    }

    Optional<CampaignUsage.Campaign> campaign(UUID id) {
        return jdbc.sql(CAMPAIGN_COLUMNS + CAMPAIGN_FROM + " where k.id = ?").param(id).query(CAMPAIGN_ROW).optional();
    }

    /** The figures between two days of the campaign's calendar, both included; open ends when null. */
    CampaignUsage usage(CampaignUsage.Campaign campaign, LocalDate from, LocalDate to) {
        ZoneId zone = campaign.timeZone();
        Instant start = from == null ? Instant.EPOCH : from.atStartOfDay(zone).toInstant();
        Instant end = to == null ? Instant.parse("9999-01-01T00:00:00Z") : to.plusDays(1).atStartOfDay(zone).toInstant();
        List<CampaignUsage.Slice<LocalDate>> byDay = new ArrayList<>();
        List<CampaignUsage.StoreSlice> byStore = new ArrayList<>();
        List<CampaignUsage.Slice<String>> byChannel = new ArrayList<>();
        List<CampaignUsage.Slice<String>> byMedium = new ArrayList<>();
        UsageFigures[] total = {UsageFigures.NONE};
        searchLog.flush();
        jdbc.sql(FIGURES)
                .params(zone.getId(), campaign.id(), campaign.id(), campaign.id(), time(start), time(end))
                .query(rs -> {
                    UsageFigures figures = UsageFigures.of(rs);
                    if (rs.getInt("no_day") == 0) {
                        byDay.add(new CampaignUsage.Slice<>(rs.getObject("day", LocalDate.class), figures));
                    } else if (rs.getInt("no_store") == 0) {
                        UUID store = rs.getObject("store_id", UUID.class);
                        // acquisitions happen in a channel, not at a store: the by-store view shows uses only
                        if (store != null) {
                            byStore.add(new CampaignUsage.StoreSlice(store, rs.getString("store_code"), rs.getString("store_name"), figures));
                        }
                    } else if (rs.getInt("no_channel") == 0) {
                        byChannel.add(new CampaignUsage.Slice<>(rs.getString("channel"), figures));
                    } else if (rs.getInt("no_medium") == 0) {
                        byMedium.add(new CampaignUsage.Slice<>(rs.getString("medium_type"), figures));
                    } else {
                        total[0] = figures;
                    }
                });
        return new CampaignUsage(campaign, from, to, total[0], byDay, byStore, byChannel, byMedium, budget(campaign));
    }

    /** Where the campaign's budget stands now, in the periods now current; null when it has none. */
    private BudgetStanding budget(CampaignUsage.Campaign campaign) {
        if (!campaign.budget().isSet()) {
            return null;
        }
        return budgets.standings(null, Map.of(campaign.id(), campaign.budget()), clock.instant()).get(campaign.id());
    }

    /** Campaigns with their total figures, newest first; a merchant's own only when {@code merchantId} is given. */
    List<CampaignTotals> totals(UUID merchantId, int limit, long offset) {
        searchLog.flush();
        return jdbc.sql(CAMPAIGN_COLUMNS + ", f.*" + CAMPAIGN_FROM + """
                        left join lateral (select %s from (%s) as e) f on true
                        where (cast(? as uuid) is null or k.merchant_id = ?)
                        order by k.created_at desc, k.id
                        limit ? offset ?""".formatted(UsageFigures.AGGREGATES, EVENTS.formatted("k.id")))
                .params(new SqlParameterValue(Types.OTHER, merchantId), new SqlParameterValue(Types.OTHER, merchantId),
                        limit, offset)
                .query((rs, row) -> new CampaignTotals(CAMPAIGN_ROW.mapRow(rs, row), UsageFigures.of(rs)))
                .list();
    }

    /** One campaign with its total figures. */
    record CampaignTotals(CampaignUsage.Campaign campaign, UsageFigures figures) {
    }

    private static Object time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
