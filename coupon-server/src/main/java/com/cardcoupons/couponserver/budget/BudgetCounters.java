package com.cardcoupons.couponserver.budget;

import com.cardcoupons.model.medium.CardToken;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * coupon-server's counts of campaign budgets: per campaign and period ({@code campaign_budget_count}) and per card,
 * campaign and period ({@code card_budget_count}). A use takes its claims in the statement that records it
 * ({@code redemption.NewReservations}, with the parts given here): each count is advanced by an upsert whose update
 * only goes ahead while the count stays within its limit, checked on the locked row, so racing tills queue up on the
 * row and never overrun it; a claim that finds no room makes the statement refuse itself whole, naming the limits
 * short. A release, an expiry or a reversal gives the claims back here, in the transaction that records it.
 */
@Repository
public class BudgetCounters {

    /** Raised by the use's statement when a budget it counts against has no room: the message names the limits. */
    public static final String NO_ROOM = "CU003";

    /**
     * The statement's parts that take the claims, to follow the {@code outcome} part (nothing is counted unless the
     * call's outcome was recorded); {@code budget_short} names the limits without room, {@code budget_counted} the
     * counts as this use left them.
     */
    private static final String TAKE = """
            budget_wanted (budget_limit, campaign_id, per_card, period, period_start, discount_minor, uses_limit,
                           spent_limit_minor) as (values %s),
            campaign_counted as (
                insert into campaign_budget_count as b (campaign_id, period, period_start, uses, spent_minor, uses_limit,
                                                        spent_limit_minor)
                select w.campaign_id, w.period, w.period_start, 1, w.discount_minor, w.uses_limit, w.spent_limit_minor
                  from budget_wanted w
                 where not w.per_card and exists (select from outcome)
                   and (w.uses_limit is null or 1 <= w.uses_limit)
                   and (w.spent_limit_minor is null or w.discount_minor <= w.spent_limit_minor)
                 order by w.campaign_id, w.period
                on conflict (campaign_id, period, period_start) do update
                   set uses = b.uses + 1, spent_minor = b.spent_minor + excluded.spent_minor,
                       uses_limit = excluded.uses_limit, spent_limit_minor = excluded.spent_limit_minor
                 where (excluded.uses_limit is null or b.uses < excluded.uses_limit)
                   and (excluded.spent_limit_minor is null or b.spent_minor + excluded.spent_minor <= excluded.spent_limit_minor)
                returning campaign_id, period, uses, spent_minor),
            card_counted as (
                insert into card_budget_count as c (card_token, campaign_id, period, period_start, uses, uses_limit)
                select ?::card_token, w.campaign_id, w.period, w.period_start, 1, w.uses_limit
                  from budget_wanted w
                 where w.per_card and exists (select from outcome)
                 order by w.campaign_id, w.period
                on conflict (card_token, campaign_id, period, period_start) do update
                   set uses = c.uses + 1, uses_limit = excluded.uses_limit
                 where c.uses < excluded.uses_limit
                returning campaign_id, period, uses, 0::bigint as spent_minor),
            budget_counted as (
                select false as per_card, * from campaign_counted
                union all
                select true, * from card_counted),
            budget_short as (
                select string_agg(w.budget_limit, ',' order by w.budget_limit) as short_of from budget_wanted w
                 where not exists (select from budget_counted t
                                    where t.per_card = w.per_card and t.campaign_id = w.campaign_id and t.period = w.period))""";
    private static final String WANTED = "(?, ?::uuid, ?::boolean, ?, ?::date, ?::bigint, ?::int, ?::bigint)";

    /** The check for the statement's result: refuses it whole when a claim found no room. */
    public static final String CHECK = "coupon_budget_complete((select short_of from budget_short))";
    /** The counts as the use left them, one text per count, for {@link #exhausted}. */
    public static final String COUNTED = """
            (select string_agg(t.per_card || ' ' || t.campaign_id || ' ' || t.period || ' ' || t.uses || ' ' || t.spent_minor, ',')
               from budget_counted t)""";

    private static final String STANDING = """
            select w.budget_limit, w.campaign_id, w.period, w.period_start, coalesce(b.uses, c.uses, 0) as uses,
                   coalesce(b.spent_minor, 0) as spent_minor
              from (values %s) as w (budget_limit, campaign_id, per_card, period, period_start)
              left join campaign_budget_count b on not w.per_card and b.campaign_id = w.campaign_id
                                                and b.period = w.period and b.period_start = w.period_start
              left join card_budget_count c on w.per_card and c.card_token = cast(? as text) and c.campaign_id = w.campaign_id
                                            and c.period = w.period and c.period_start = w.period_start""";
    private static final String STANDING_ROW = "(?, ?::uuid, ?::boolean, ?, ?::date)";

    private final JdbcClient jdbc;

    BudgetCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement's parts that take {@code claims}, a claim of a campaign and period at most once. */
    public static String take(int claims) {
        return TAKE.formatted(String.join(", ", Collections.nCopies(claims, WANTED)));
    }

    /** The parameters of {@link #take}, in order. */
    public static List<Object> takeParams(CardToken card, List<BudgetClaim> claims) {
        List<Object> params = new ArrayList<>(claims.size() * 8 + 1);
        for (BudgetClaim claim : claims) {
            params.add(claim.limit().name());
            params.add(claim.campaignId());
            params.add(claim.perCard());
            params.add(claim.period().name());
            params.add(claim.periodStart());
            params.add(claim.discountMinor());
            params.add(new SqlParameterValue(Types.INTEGER, claim.limit().isMoney() || claim.max() == null ? null : claim.max().intValue()));
            params.add(new SqlParameterValue(Types.BIGINT, claim.limit().isMoney() ? claim.max() : null));
        }
        params.add(card.value());
        return params;
    }

    /** The limits a refused use's statement named as without room. */
    public static List<BudgetLimit> shortOf(String message) {
        return Arrays.stream(message.strip().split(",")).map(BudgetLimit::valueOf).sorted().toList();
    }

    /** The claims of a use that ran their budget out, read from the counts its statement returned ({@link #COUNTED}). */
    public static List<BudgetClaim> exhausted(List<BudgetClaim> claims, String counted) {
        if (counted == null) {
            return List.of();
        }
        List<BudgetClaim> exhausted = new ArrayList<>();
        for (String count : counted.split(",")) {
            String[] part = count.split(" ");
            boolean perCard = Boolean.parseBoolean(part[0]) || part[0].equals("t");
            UUID campaign = UUID.fromString(part[1]);
            BudgetPeriod period = BudgetPeriod.valueOf(part[2]);
            claims.stream()
                    .filter(claim -> claim.perCard() == perCard && claim.campaignId().equals(campaign) && claim.period() == period)
                    .filter(claim -> claim.exhaustedBy(Long.parseLong(part[3]), Long.parseLong(part[4])))
                    .forEach(exhausted::add);
        }
        return exhausted;
    }

    /**
     * Gives back what a use took, in the transaction that releases, expires or reverses it: the campaign's counts
     * before the card's, each in the order the use's statement locks them (by campaign, then period name), so a
     * give-back and a use never wait for each other in a circle.
     */
    public void giveBack(CardToken card, List<BudgetClaim> claims) {
        List<BudgetClaim> ordered = claims.stream()
                .sorted(Comparator.comparing(BudgetClaim::perCard).thenComparing(BudgetClaim::campaignId)
                        .thenComparing(claim -> claim.period().name()))
                .toList();
        for (BudgetClaim claim : ordered) {
            int given = claim.perCard()
                    ? jdbc.sql("""
                            update card_budget_count set uses = uses - 1
                             where card_token = ? and campaign_id = ? and period = ? and period_start = ? and uses > 0""")
                    .params(card.value(), claim.campaignId(), claim.period().name(), claim.periodStart()).update()
                    : jdbc.sql("""
                            update campaign_budget_count set uses = uses - 1, spent_minor = spent_minor - ?
                             where campaign_id = ? and period = ? and period_start = ? and uses > 0 and spent_minor >= ?""")
                    .params(claim.discountMinor(), claim.campaignId(), claim.period().name(), claim.periodStart(),
                            claim.discountMinor()).update();
            if (given != 1) {
                throw new IllegalStateException("no " + claim.limit() + " count of campaign " + claim.campaignId()
                        + " for " + claim.periodStart() + " to give a use back to");
            }
        }
    }

    /**
     * Where the budgets of these campaigns stand at {@code at}: the counts of the periods then current, the card's own
     * when {@code card} is given; campaigns without a budget are left out. One statement for all of them.
     */
    public Map<UUID, BudgetStanding> standings(CardToken card, Map<UUID, CampaignBudget> budgets, Instant at) {
        List<Object> params = new ArrayList<>();
        int rows = 0;
        for (Map.Entry<UUID, CampaignBudget> budget : budgets.entrySet()) {
            for (BudgetClaim claim : budget.getValue().claims(budget.getKey(), at, 0)) {
                if (claim.perCard() && card == null) {
                    continue;
                }
                params.add(claim.limit().name());
                params.add(claim.campaignId());
                params.add(claim.perCard());
                params.add(claim.period().name());
                params.add(claim.periodStart());
                rows++;
            }
        }
        if (rows == 0) {
            return Map.of();
        }
        params.add(new SqlParameterValue(Types.VARCHAR, card == null ? null : card.value()));
        Map<UUID, Map<BudgetLimit, BudgetStanding.Count>> counts = new HashMap<>();
        jdbc.sql(STANDING.formatted(String.join(", ", Collections.nCopies(rows, STANDING_ROW)))).params(params)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getObject("campaign_id", UUID.class), campaign -> new HashMap<>())
                            .put(BudgetLimit.valueOf(rs.getString("budget_limit")), new BudgetStanding.Count(
                                    BudgetPeriod.valueOf(rs.getString("period")),
                                    rs.getObject("period_start", java.time.LocalDate.class),
                                    rs.getLong("uses"), rs.getLong("spent_minor")));
                });
        Map<UUID, BudgetStanding> standings = new HashMap<>();
        counts.forEach((campaign, byLimit) -> standings.put(campaign, new BudgetStanding(budgets.get(campaign), byLimit)));
        return standings;
    }
}
