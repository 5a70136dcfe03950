package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Grant;
import com.cardcoupons.couponserver.coupon.TermsColumns;
import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The reservations of coupon uses, each with its redemptions. */
@Repository
class Reservations {

    private static final String RESERVATION = """
            select id, merchant_id, store_id, terminal_id, transaction_id, state, currency, amount_minor, discount_minor,
                   hold_until, created_at, settled_at
              from reservation""";

    private static final String REDEMPTIONS = """
            select r.id, r.state, r.discount_minor, r.settled_at, r.reversed_at, r.reversal_type, r.reversal_reason,
                   c.id as coupon_id, c.campaign_id, c.code, c.card_token, c.medium_type, c.channel, v.title, v.kind,
                   v.benefit_type, v.benefit_description, v.benefit_value_minor, v.benefit_points,
                   v.ticket_event, v.ticket_venue, v.ticket_starts_at, v.time_zone
              from redemption r
              join coupon c on c.id = r.coupon_id
              join campaign_version v on v.id = c.campaign_version_id
             where r.reservation_id = ?
             order by c.code""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Reservations(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Records a new reservation with its redemptions, in one statement; false when the terminal's transaction already
     * has a live use of coupons (the partial unique index {@code reservation_one_live_per_transaction}).
     */
    boolean add(Reservation reservation) {
        List<Redemption> redemptions = reservation.redemptions();
        String rows = String.join(", ", Collections.nCopies(redemptions.size(), "(?::uuid, ?::uuid, ?::uuid, ?::bigint)"));
        List<Object> values = new ArrayList<>(List.of(reservation.id(), reservation.till().merchantId(),
                reservation.till().storeId(), reservation.till().terminalId(), reservation.transactionId(),
                reservation.state().name(), reservation.amount().currency().getCurrencyCode(),
                reservation.amount().amountMinor(), reservation.discount().amountMinor(), time(reservation.holdUntil()),
                time(reservation.createdAt()), time(reservation.settledAt()),
                reservation.state().name(), time(reservation.createdAt()), time(reservation.settledAt())));
        for (Redemption redemption : redemptions) {
            values.addAll(List.of(redemption.id(), redemption.coupon().id(), redemption.coupon().campaignId(),
                    redemption.discount().amountMinor()));
        }
        int inserted = jdbc.sql("""
                        with added as (
                            insert into reservation (id, merchant_id, store_id, terminal_id, transaction_id, state, currency,
                                                     amount_minor, discount_minor, hold_until, created_at, settled_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict do nothing
                            returning id)
                        insert into redemption (id, reservation_id, coupon_id, campaign_id, state, discount_minor, created_at, settled_at)
                        select line.id, added.id, line.coupon_id, line.campaign_id, ?, line.discount_minor, ?, ?
                          from added cross join (values %s) as line (id, coupon_id, campaign_id, discount_minor)""".formatted(rows))
                .params(values)
                .update();
        return inserted == redemptions.size();
    }

    Optional<Reservation> find(UUID id) {
        return jdbc.sql(RESERVATION + " where id = ?").param(id).query(this::reservation).optional();
    }

    /** Reads the reservation and locks it until the transaction ends, so its transitions happen one at a time. */
    Optional<Reservation> lock(UUID id) {
        return jdbc.sql(RESERVATION + " where id = ? for update").param(id).query(this::reservation).optional();
    }

    /** The terminal's most recent reservation for a transaction. */
    Optional<Reservation> latestFor(UUID terminalId, String transactionId) {
        return jdbc.sql(RESERVATION + " where terminal_id = ? and transaction_id = ? order by created_at desc limit 1")
                .params(terminalId, transactionId).query(this::reservation).optional();
    }

    /** Holds that ran out, oldest first, skipping any another transaction is settling right now. */
    List<UUID> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                        select id from reservation where state = 'RESERVED' and hold_until <= ?
                         order by hold_until limit ? for update skip locked""")
                .params(time(now), limit).query(UUID.class).list();
    }

    /** The run-out holds on one coupon, which a new use may reclaim at once. */
    List<UUID> expiredHoldsOf(UUID couponId, Instant now) {
        return jdbc.sql("""
                        select distinct h.id from redemption r join reservation h on h.id = r.reservation_id
                         where r.coupon_id = ? and r.state = 'RESERVED' and h.hold_until <= ?""")
                .params(couponId, time(now)).query(UUID.class).list();
    }

    void update(Reservation reservation) {
        jdbc.sql("update reservation set state = ?, hold_until = ?, settled_at = ? where id = ?")
                .params(reservation.state().name(), time(reservation.holdUntil()), time(reservation.settledAt()),
                        reservation.id())
                .update();
        batch.batchUpdate("""
                        update redemption set state = ?, settled_at = ?, reversed_at = ?, reversal_type = ?, reversal_reason = ?
                         where id = ?""",
                reservation.redemptions().stream().map(redemption -> new Object[] {
                        redemption.state().name(), time(redemption.settledAt()),
                        time(redemption.reversal() == null ? null : redemption.reversal().at()),
                        new SqlParameterValue(Types.VARCHAR, redemption.reversal() == null ? null : redemption.reversal().type().name()),
                        new SqlParameterValue(Types.VARCHAR, redemption.reversal() == null ? null : redemption.reversal().reason()),
                        redemption.id()}).toList());
    }

    private Reservation reservation(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String currency = rs.getString("currency");
        return new Reservation(id,
                new Till(rs.getObject("merchant_id", UUID.class), rs.getObject("store_id", UUID.class),
                        rs.getObject("terminal_id", UUID.class)),
                rs.getString("transaction_id"),
                Money.of(rs.getLong("amount_minor"), currency),
                Money.of(rs.getLong("discount_minor"), currency),
                instant(rs, "created_at"),
                ReservationState.valueOf(rs.getString("state")),
                instant(rs, "hold_until"),
                instant(rs, "settled_at"),
                jdbc.sql(REDEMPTIONS).param(id).query(redemption(currency)).list());
    }

    private static RowMapper<Redemption> redemption(String currency) {
        return (rs, row) -> {
            CouponKind kind = CouponKind.valueOf(rs.getString("kind"));
            String reversalType = rs.getString("reversal_type");
            return new Redemption(
                    rs.getObject("id", UUID.class),
                    new RedeemedCouponRef(rs.getObject("coupon_id", UUID.class), rs.getObject("campaign_id", UUID.class),
                            rs.getString("code"), rs.getString("title"), kind, grantText(rs, kind),
                            rs.getString("card_token"), rs.getString("medium_type"), rs.getString("channel")),
                    Money.of(rs.getLong("discount_minor"), currency),
                    ReservationState.valueOf(rs.getString("state")),
                    instant(rs, "settled_at"),
                    reversalType == null ? null : new Redemption.Reversal(ReversalType.valueOf(reversalType),
                            rs.getString("reversal_reason"), instant(rs, "reversed_at")));
        };
    }

    private static String grantText(ResultSet rs, CouponKind kind) throws SQLException {
        Grant grant = TermsColumns.grant(rs, kind, ZoneId.of(rs.getString("time_zone")));
        return grant == null ? null : grant.text();
    }

    private static SqlParameterValue time(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
