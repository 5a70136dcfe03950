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
import java.util.stream.Collectors;

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
                           spent_limit_minor) as (values %1$s),
            campaign_counted as (
                insert into campaign_budget_count as b (campaign_id, period, period_start, uses, spent_minor, uses_limit,
                                                        spent_limit_minor, ran_out_at_uses)
                select w.campaign_id, w.period, w.period_start, 1, w.discount_minor, w.uses_limit, w.spent_limit_minor,
                       case when %2$s then 1 end
                  from budget_wanted w
                 where not w.per_card and exists (select from outcome)
                   and (w.uses_limit is null or 1 <= w.uses_limit)
                   and (w.spent_limit_minor is null or w.discount_minor <= w.spent_limit_minor)
                 order by w.campaign_id, w.period
                on conflict (campaign_id, period, period_start) do update
                   set uses = b.uses + 1, spent_minor = b.spent_minor + excluded.spent_minor,
                       uses_limit = excluded.uses_limit, spent_limit_minor = excluded.spent_limit_minor,
                       ran_out_at_uses = coalesce(b.ran_out_at_uses, case when %3$s then b.uses + 1 end)
                 where (excluded.uses_limit is null or b.uses < excluded.uses_limit)
                   and (excluded.spent_limit_minor is null or b.spent_minor + excluded.spent_minor <= excluded.spent_limit_minor)
                returning campaign_id, period, uses, spent_minor, ran_out_at_uses is not distinct from uses as ran_out),
            card_counted as (
                insert into card_budget_count as c (card_token, campaign_id, period, period_start, uses, uses_limit)
                select ?::card_token, w.campaign_id, w.period, w.period_start, 1, w.uses_limit
                  from budget_wanted w
                 where w.per_card and exists (select from outcome)
                 order by w.campaign_id, w.period
                on conflict (card_token, campaign_id, period, period_start) do update
                   set uses = c.uses + 1, uses_limit = excluded.uses_limit
                 where c.uses < excluded.uses_limit
                returning campaign_id, period, uses, 0::bigint as spent_minor, false as ran_out),
            budget_counted as (
                select false as per_card, * from campaign_counted
                union all
                select true, * from card_counted),
            budget_short as (
                select string_agg(w.budget_limit, ',' order by w.budget_limit) as short_of from budget_wanted w
                 where not exists (select from budget_counted t
                                    where t.per_card = w.per_card and t.campaign_id = w.campaign_id and t.period = w.period))""";
    private static final String WANTED = "(?, ?::uuid, ?::boolean, ?, ?::date, ?::bigint, ?::int, ?::bigint)";

    /**
     * {@link BudgetClaim#exhaustedBy} in SQL, over the count a use leaves ({@code %1$s} uses, {@code %2$s} spent), its
     * discount ({@code %3$s}) and the claim's limits ({@code %4$s} uses, {@code %5$s} money, one of them null): only a
     * limit with a maximum runs out; money when the remainder is smaller than this use's discount (at least one minor
     * unit), uses when the last one allowed was taken. BudgetExhaustionRuleTest holds the two to the same answers. The
     * count keeps the first use that ran it out ({@code ran_out_at_uses}), so only that use reports it.
     */
    static final String EXHAUSTED_BY = """
            ((%5$s is not null and %5$s - (%2$s) < greatest(%3$s, 1)) or (%4$s is not null and (%1$s) >= %4$s))""";

    /**
     * The statement's part, after {@link #take}, that names the campaign-wide limits this use ran out, with their stable
     * codes and the start of their period (null for the whole campaign): what its usage log records as
     * {@code BUDGET_EXHAUSTED}. A per-card limit running out is the card's business, not the campaign's.
     */
    private static final String EXHAUSTED = """
            budget_exhausted as (
                select w.campaign_id, case w.budget_limit %s end as budget_limit,
                       case when w.period = 'TOTAL' then null else w.period_start end as period_start
                  from budget_wanted w
                  join campaign_counted t on t.campaign_id = w.campaign_id and t.period = w.period
                 where not w.per_card and t.ran_out)""".formatted(
            Arrays.stream(BudgetLimit.values()).filter(limit -> !limit.perCard())
                    .map(limit -> "when '" + limit.name() + "' then '" + limit.code() + "'")
                    .collect(Collectors.joining(" ")));

    /** The check for the statement's result: refuses it whole when a claim found no room. */
    public static final String CHECK = "coupon_budget_complete((select short_of from budget_short))";
    /** The campaign-wide counts this use ran out, as {@code campaign_id period} texts, for {@link #exhausted}. */
    public static final String COUNTED = """
            (select string_agg(t.campaign_id || ' ' || t.period, ',') from budget_counted t where t.ran_out)""";

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
        return TAKE.formatted(String.join(", ", Collections.nCopies(claims, WANTED)),
                exhaustedBy("1", "w.discount_minor", "w.discount_minor", "w.uses_limit", "w.spent_limit_minor"),
                exhaustedBy("b.uses + 1", "b.spent_minor + excluded.spent_minor", "excluded.spent_minor",
                        "excluded.uses_limit", "excluded.spent_limit_minor"));
    }

    /** {@link #EXHAUSTED_BY} over these SQL expressions. */
    static String exhaustedBy(String usesAfter, String spentAfterMinor, String discountMinor, String usesLimit,
            String spentLimitMinor) {
        return EXHAUSTED_BY.formatted(usesAfter, spentAfterMinor, discountMinor, usesLimit, spentLimitMinor);
    }

    /**
     * The statement's parts that take {@code claims} and then name the campaign-wide limits the use ran out
     * ({@code budget_exhausted}: campaign_id, budget_limit, period_start), to be appended to the usage log by the
     * statement on the condition that the use was added.
     */
    public static String takeAndName(int claims) {
        return take(claims) + ",\n" + EXHAUSTED;
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

    /**
     * The campaign-wide claims of a use that ran their budget out, as its statement found them ({@link #COUNTED}) and
     * recorded them in the usage log.
     */
    public static List<BudgetClaim> exhausted(List<BudgetClaim> claims, String ranOut) {
        if (ranOut == null) {
            return List.of();
        }
        List<BudgetClaim> exhausted = new ArrayList<>();
        for (String count : ranOut.split(",")) {
            String[] part = count.split(" ");
            UUID campaign = UUID.fromString(part[0]);
            BudgetPeriod period = BudgetPeriod.valueOf(part[1]);
            claims.stream()
                    .filter(claim -> !claim.perCard() && claim.campaignId().equals(campaign) && claim.period() == period)
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
                            update campaign_budget_count set uses = uses - 1, spent_minor = spent_minor - ?, ran_out_at_uses = null
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
