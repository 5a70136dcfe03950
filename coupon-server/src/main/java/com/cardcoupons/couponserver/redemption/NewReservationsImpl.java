package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.usage.UsageEvent;
import com.cardcoupons.couponserver.usage.UsageRows;
import jakarta.persistence.EntityManager;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Found by Spring Data by its name: {@link NewReservations} as one data-modifying statement, the use's one round
 * trip to the database before its commit. The uses are taken by a conditional update that only finds coupons with a
 * use free, evaluated on each locked row, so concurrent uses of the last free use queue up and exactly one gets it;
 * the coupons are named in id order and their rows locked in that order, so two uses of the same coupons cannot
 * deadlock. The rows it inserts only exist if every coupon gave a use. Coupons, redemptions and events are lists of
 * parameters, never arrays, so that PostgreSQL can keep one plan per shape of purchase rather than plan every call.
 */
class NewReservationsImpl implements NewReservations {

    private static final String ONE_LIVE_USE = "reservation_one_live_per_transaction";
    private static final String ADD = """
            with held as (
                update coupon set uses_held = uses_held + 1
                 where id in (%s) and state = 'ACTIVE' and uses_held < uses_allowed
                returning id),
            reservation as (
                insert into reservation (id, merchant_id, store_id, terminal_id, transaction_id, state, currency,
                                         amount_minor, discount_minor, hold_until, created_at, settled_at)
                select ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz
                 where (select count(*) from held) = ?
                returning id),
            redemption as (
                insert into redemption (id, reservation_id, coupon_id, campaign_id, state, discount_minor, created_at,
                                        settled_at)
                select * from (values %s) as r where exists (select from reservation)),
            event as (
                insert into usage_event (%s)
                select * from (values %s) as e where exists (select from reservation))
            select id from held""";
    private static final String REDEMPTION = "(?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?::bigint, ?::timestamptz, ?::timestamptz)";

    private final JdbcClient jdbc;
    private final EntityManager entityManager;

    NewReservationsImpl(JdbcClient jdbc, EntityManager entityManager) {
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    @Override
    public Addition add(Reservation reservation, List<UsageEvent> events) {
        List<Redemption> redemptions = reservation.redemptions();
        List<UUID> couponIds = redemptions.stream().map(Redemption::couponId).sorted().toList();
        UsageRows eventRows = new UsageRows().add(reservation.createdAt(), events);
        List<Object> params = new ArrayList<>(couponIds);
        params.add(reservation.id());
        params.add(reservation.till().merchantId());
        params.add(reservation.till().storeId());
        params.add(reservation.till().terminalId());
        params.add(reservation.transactionId());
        params.add(reservation.state().name());
        params.add(reservation.amount().currency().getCurrencyCode());
        params.add(reservation.amount().amountMinor());
        params.add(reservation.discount().amountMinor());
        params.add(timestamp(reservation.holdUntil()));
        params.add(timestamp(reservation.createdAt()));
        params.add(timestamp(reservation.settledAt()));
        params.add(couponIds.size());
        for (Redemption redemption : redemptions) {
            params.add(redemption.id());
            params.add(reservation.id());
            params.add(redemption.couponId());
            params.add(redemption.campaignId());
            params.add(redemption.state().name());
            params.add(redemption.discount().amountMinor());
            params.add(timestamp(reservation.createdAt()));
            params.add(timestamp(redemption.settledAt()));
        }
        params.addAll(eventRows.params());
        String sql = ADD.formatted(String.join(", ", Collections.nCopies(couponIds.size(), "?::uuid")),
                String.join(", ", Collections.nCopies(redemptions.size(), REDEMPTION)), UsageRows.COLUMNS, eventRows.values());
        // a run-out hold of the same transaction that the caller just expired must leave the one-live-use index first
        entityManager.flush();
        try {
            Set<UUID> held = new HashSet<>(jdbc.sql(sql).params(params).query(UUID.class).list());
            return new Addition(redemptions.stream().map(Redemption::couponId).filter(id -> !held.contains(id)).toList(), false);
        } catch (DuplicateKeyException e) {
            if (violates(e, ONE_LIVE_USE)) {
                return new Addition(List.of(), true);
            }
            throw e;
        }
    }

    /** Typed, so a null costs no round trip for parameter metadata. */
    private static SqlParameterValue timestamp(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException refusal && refusal.getServerErrorMessage() != null
                    && constraint.equals(refusal.getServerErrorMessage().getConstraint())) {
                return true;
            }
        }
        return false;
    }
}
