package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.couponserver.budget.BudgetCounters;
import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The coupons as the till sees them, with their terms and free uses: the search and the use read them in one
 * statement each, whatever the number of coupons, mapped straight onto rows without a persistence context or a
 * repository proxy on the hot path; the terms come from {@link CampaignVersions}. Every read is of one card's coupons:
 * the search starts from the medium's token on the index {@code coupon_by_card_token (card_token, expires_at)}, and
 * codes scanned from printed coupons first find their card in {@code coupon_by_code}. The uses held are coupon-server's
 * own ({@code coupon_use}); holds that ran out without being swept yet are not counted as held, so they never make a
 * coupon look used up.
 */
@Repository
public class CouponsAtTheTill {

    private static final String SELECT = """
            select c.id, c.code, c.card_token, c.medium_type, c.card_brand, c.channel, c.state, c.uses_allowed, c.expires_at,
                   c.campaign_version_id, k.state as campaign_state,
                   coalesce(u.uses_held, 0) as uses_held, case when coalesce(u.uses_held, 0) = 0 then 0 else
                       (select count(*) from redemption r
                          join reservation h on h.id = r.reservation_id and h.card_token = r.card_token
                         where r.card_token = c.card_token and r.coupon_id = c.id and r.state = 'RESERVED'
                           and h.hold_until <= ?) end as run_out_holds
              from coupon c
              join campaign k on k.id = c.campaign_id
              left join coupon_use u on u.coupon_id = c.id and u.card_token = c.card_token
            """;

    /** The search at the till; visible to the tests that check its plan. */
    static final String CARRIED_BY = SELECT + " where c.card_token = ? and c.expires_at > ?";
    /** The order a medium's coupons are judged and explained in; sorted here rather than by the database's sort. */
    private static final Comparator<Coupon> SOONEST_EXPIRING_FIRST = Comparator.comparing(Coupon::expiresAt)
            .thenComparing(Coupon::code);

    private static final RowMapper<Row> ROW = (rs, row) -> new Row(
            rs.getObject("id", UUID.class),
            rs.getString("code"),
            CardToken.of(rs.getString("card_token")),
            MediumType.valueOf(rs.getString("medium_type")),
            rs.getString("card_brand"),
            rs.getString("channel"),
            rs.getString("state").equals("CANCELLED"),
            rs.getInt("uses_allowed"),
            rs.getInt("uses_held"),
            rs.getInt("run_out_holds"),
            TermsColumns.instant(rs, "expires_at"),
            rs.getObject("campaign_version_id", UUID.class),
            CampaignState.valueOf(rs.getString("campaign_state")));

    private final JdbcClient jdbc;
    private final CampaignVersions versions;
    private final BudgetCounters budgets;

    CouponsAtTheTill(JdbcClient jdbc, CampaignVersions versions, BudgetCounters budgets) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.budgets = budgets;
    }

    /**
     * The coupons a medium carries that had not expired by {@code expiredAfter}, those expiring soonest first, with
     * where their campaigns' budgets stand for the card now, in the periods a use now is counted in (one more
     * statement, only when a campaign has a budget).
     */
    public List<Coupon> carriedBy(CardToken token, Instant expiredAfter, Instant now) {
        List<Coupon> carried = new ArrayList<>(withTerms(jdbc.sql(CARRIED_BY).params(utc(now), token.value(),
                utc(expiredAfter)).query(ROW).list()));
        Map<UUID, CampaignBudget> budgeted = new HashMap<>();
        carried.stream().filter(coupon -> coupon.terms().budget().isSet())
                .forEach(coupon -> budgeted.putIfAbsent(coupon.campaignId(), coupon.terms().budget()));
        if (!budgeted.isEmpty()) {
            Map<UUID, BudgetStanding> standings = budgets.standings(token, budgeted, now);
            carried.replaceAll(coupon -> standings.containsKey(coupon.campaignId())
                    ? coupon.withBudgetStanding(standings.get(coupon.campaignId())) : coupon);
        }
        carried.sort(SOONEST_EXPIRING_FIRST);
        return carried;
    }

    /**
     * The coupons of this card with these codes. The codes are a list of parameters rather than one array: PostgreSQL
     * plans {@code = any(array)} afresh on every call, as it cannot tell how long the array will be, which costs more
     * than reading the coupons.
     */
    public List<Coupon> withCodes(CardToken token, Collection<String> codes, Instant now) {
        List<Object> params = new ArrayList<>(codes.size() + 2);
        params.add(utc(now));
        params.add(token.value());
        params.addAll(codes);
        return withTerms(jdbc.sql(SELECT + " where c.card_token = ? and c.code in (" + placeholders(codes.size()) + ")")
                .params(params).query(ROW).list());
    }

    /**
     * The cards holding the coupons with these codes, by code; a code no coupon has is left out. How a code scanned from
     * a printed coupon, without the card, finds the card whose coupons to read.
     */
    public Map<String, CardToken> cardsOf(Collection<String> codes) {
        Map<String, CardToken> cards = new HashMap<>();
        jdbc.sql("select code, card_token from coupon_by_code where code in (" + placeholders(codes.size()) + ")")
                .params(List.copyOf(codes))
                .query(rs -> {
                    cards.put(rs.getString("code"), CardToken.of(rs.getString("card_token")));
                });
        return cards;
    }

    /** The coupon with this code, whichever card holds it. */
    public Optional<Coupon> withCode(String code, Instant now) {
        CardToken card = cardsOf(List.of(code)).get(code);
        return card == null ? Optional.empty() : withCodes(card, List.of(code), now).stream().findFirst();
    }

    private List<Coupon> withTerms(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, CouponTerms> terms = versions.termsOf(rows.stream().map(Row::versionId).collect(Collectors.toSet()));
        return rows.stream().map(row -> row.coupon(terms.get(row.versionId()).inState(row.campaignState()))).toList();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** A coupon as read, before its terms are attached. */
    private record Row(UUID id, String code, CardToken cardToken, MediumType mediumType, String cardBrand, String channel,
                       boolean cancelled, int usesAllowed, int usesHeld, int runOutHolds, Instant expiresAt,
                       UUID versionId, CampaignState campaignState) {

        Coupon coupon(CouponTerms terms) {
            return new Coupon(id, code, cardToken, mediumType, cardBrand, channel, cancelled, usesAllowed,
                    usesHeld - runOutHolds, runOutHolds, expiresAt, terms, null);
        }
    }
}
