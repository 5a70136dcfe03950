package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.ReservationResponse.ReservationState;
import com.cardcoupons.model.terminal.ReversalRequest.ReversalType;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservations of coupon uses, each with its redemptions, read and written with plain SQL: the one way the
 * {@link Reservation} aggregate is persisted, with {@link NewReservations}, which adds a new one in the statement that
 * takes its coupons' uses. A transition is decided by the aggregate; {@link #save} writes the states it decided, and
 * nothing here decides one. The holds to expire are found by statements whose conditions match the partial indexes
 * {@code reservation_expiring} and {@code redemption_held}. Repositories open no transaction of their own: a write runs
 * in its caller's.
 */
@Repository
class Reservations {

    private static final String RESERVATION = """
            select id, card_token, merchant_id, store_id, terminal_id, transaction_id, state, currency, amount_minor,
                   discount_minor, hold_until, created_at, settled_at
              from reservation""";
    private static final String REDEMPTIONS = """
            select id, coupon_id, campaign_id, state, discount_minor, created_at, settled_at, reversal_type,
                   reversal_reason, reversed_at
              from redemption where reservation_id = ? and card_token = ? order by id""";
    private static final String SAVE_REDEMPTIONS = """
            update redemption r set state = c.state, settled_at = c.settled_at, reversal_type = c.reversal_type,
                                    reversal_reason = c.reversal_reason, reversed_at = c.reversed_at
              from (values %s) as c (id, state, settled_at, reversal_type, reversal_reason, reversed_at)
             where r.id = c.id and r.card_token = ? and r.reservation_id = ?""";
    private static final String CHANGED = "(?::uuid, ?::use_state, ?::timestamptz, ?::reversal_type, ?::reversal_reason, ?::timestamptz)";

    private final JdbcClient jdbc;

    Reservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Reservation> find(UUID id) {
        return jdbc.sql(RESERVATION + " where id = ?").param(id).query(this::reservation).optional();
    }

    /**
     * Reads the reservation and locks its row until the transaction ends, so its transitions happen one at a time.
     * Its redemptions are read once the lock is held, so the transition starts from what the one before it left. The
     * reservation is named by its id alone: its card is read first, and the lock taken on the card's row, which is
     * how a cluster distributed by the card finds it (docs/scale-out.md).
     */
    Optional<Reservation> lock(UUID id) {
        return jdbc.sql("select card_token from reservation where id = ?").param(id).query(String.class).optional()
                .flatMap(card -> jdbc.sql(RESERVATION + " where id = ? and card_token = ? for no key update")
                        .params(id, card).query(this::reservation).optional());
    }

    /** The terminal's most recent reservation for a transaction. */
    Optional<Reservation> latestOf(UUID terminalId, String transactionId) {
        return jdbc.sql(RESERVATION + " where terminal_id = ? and transaction_id = ? order by created_at desc, id desc limit 1")
                .params(terminalId, transactionId).query(this::reservation).optional();
    }

    /** Writes what a transition decided: the reservation's state and that of the redemptions it changed. */
    void save(Reservation reservation, List<Redemption> changed) {
        jdbc.sql("update reservation set state = ?, hold_until = ?, settled_at = ? where id = ? and card_token = ?")
                .params(reservation.state().name(), timestamp(reservation.holdUntil()), timestamp(reservation.settledAt()),
                        reservation.id(), reservation.card().value())
                .update();
        if (changed.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(changed.size() * 6 + 2);
        for (Redemption redemption : changed) {
            Redemption.Reversal reversal = redemption.reversal();
            params.add(redemption.id());
            params.add(redemption.state().name());
            params.add(timestamp(redemption.settledAt()));
            params.add(new SqlParameterValue(Types.VARCHAR, reversal == null ? null : reversal.type().name()));
            params.add(new SqlParameterValue(Types.VARCHAR, reversal == null ? null : reversal.reason()));
            params.add(timestamp(reversal == null ? null : reversal.at()));
        }
        params.add(reservation.card().value());
        params.add(reservation.id());
        int saved = jdbc.sql(SAVE_REDEMPTIONS.formatted(String.join(", ", Collections.nCopies(changed.size(), CHANGED))))
                .params(params).update();
        if (saved != changed.size()) {
            throw new IllegalStateException("saved " + saved + " of the " + changed.size() + " redemptions changed in reservation "
                    + reservation.id());
        }
    }

    /** Holds that ran out, oldest first, skipping any another transaction is settling right now. */
    List<UUID> dueForExpiry(Instant now, int limit) {
        return jdbc.sql("""
                        select id from reservation where state = 'RESERVED' and hold_until <= ?
                         order by hold_until limit ? for update skip locked""")
                .params(timestamp(now), limit).query(UUID.class).list();
    }

    /** The run-out holds on one of a card's coupons, which a new use may reclaim at once. */
    List<UUID> expiredHoldsOf(CardToken card, UUID couponId, Instant now) {
        return jdbc.sql("""
                        select distinct h.id from redemption r
                          join reservation h on h.id = r.reservation_id and h.card_token = r.card_token
                         where r.card_token = ? and r.coupon_id = ? and r.state = 'RESERVED' and h.hold_until <= ?""")
                .params(card.value(), couponId, timestamp(now)).query(UUID.class).list();
    }

    private Reservation reservation(ResultSet rs, int row) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        CardToken card = CardToken.of(rs.getString("card_token"));
        UUID id = rs.getObject("id", UUID.class);
        return Reservation.restore(id, card,
                new Till(rs.getObject("merchant_id", UUID.class), rs.getObject("store_id", UUID.class),
                        rs.getObject("terminal_id", UUID.class)),
                rs.getString("transaction_id"), new Money(rs.getLong("amount_minor"), currency),
                new Money(rs.getLong("discount_minor"), currency), instant(rs, "created_at"),
                ReservationState.valueOf(rs.getString("state")), instant(rs, "hold_until"), instant(rs, "settled_at"),
                reservation -> jdbc.sql(REDEMPTIONS).params(id, card.value()).query((redemption, n) -> new Redemption(
                        redemption.getObject("id", UUID.class), reservation, redemption.getObject("coupon_id", UUID.class),
                        redemption.getObject("campaign_id", UUID.class), redemption.getLong("discount_minor"),
                        instant(redemption, "created_at"), ReservationState.valueOf(redemption.getString("state")),
                        instant(redemption, "settled_at"), reversal(redemption))).list());
    }

    private static Redemption.Reversal reversal(ResultSet rs) throws SQLException {
        String type = rs.getString("reversal_type");
        return type == null ? null
                : new Redemption.Reversal(ReversalType.valueOf(type), rs.getString("reversal_reason"), instant(rs, "reversed_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Typed, so a null costs no round trip for parameter metadata. */
    static SqlParameterValue timestamp(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }
}
