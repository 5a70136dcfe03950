package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.usage.UsageEvent;
import com.cardcoupons.couponserver.usage.UsageRows;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds new uses of coupons, whose ids the domain assigns, each as one data-modifying statement outside any
 * transaction, so a use costs one round trip to the database and the commit that comes with it; plain SQL without a
 * repository proxy, as it is the till's hot path. The uses are taken by a conditional update that only finds coupons
 * with a use free, checked on each locked row, so concurrent uses of the last free use queue up there and exactly one
 * gets it; the coupons are named in id order, so two uses of the same coupons lock them in the same order and cannot
 * deadlock. When the update took fewer uses than the use names, the statement refuses itself whole (the database
 * function {@code coupon_uses_taken}): a use is all or nothing without a transaction to roll back. Coupons, redemptions
 * and events are lists of parameters, never arrays, so PostgreSQL keeps one plan per shape of purchase instead of
 * planning every call.
 */
@Repository
class NewReservations {

    private static final String ONE_LIVE_USE = "reservation_one_live_per_transaction";
    private static final String NO_USE_FREE = "coupon use: no use free";
    private static final String ADD = """
            with held as (
                update coupon set uses_held = uses_held + 1
                 where id in (%1$s) and state = 'ACTIVE' and uses_held < uses_allowed
                returning id),
            reservation as (
                insert into reservation (id, merchant_id, store_id, terminal_id, transaction_id, state, currency,
                                         amount_minor, discount_minor, hold_until, created_at, settled_at)
                select ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz
                 where coupon_uses_taken(array(select id from held), array[%1$s])
                returning id),
            redemption as (
                insert into redemption (id, reservation_id, coupon_id, campaign_id, state, discount_minor, created_at,
                                        settled_at)
                select * from (values %2$s) as r where exists (select from reservation)),
            event as (
                insert into usage_event (%3$s)
                select * from (values %4$s) as e where exists (select from reservation)),
            outcome as (
                insert into idempotency_record (%5$s)
                select ?, ?, ?, ?, ?, ?, ? where exists (select from reservation))
            select count(*) from reservation""";
    private static final String REDEMPTION = "(?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?::bigint, ?::timestamptz, ?::timestamptz)";

    private final JdbcClient jdbc;
    /** The statement for each shape of use, built once rather than formatted on every call. */
    private final Map<Shape, String> statements = new ConcurrentHashMap<>();

    NewReservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes one use of each of the reservation's coupons, records the reservation with its redemptions, appends its
     * usage events and records the outcome of the terminal's call under its Idempotency-Key, all in one statement
     * that commits by itself: all of it, or, unless every coupon had a use free, none of it.
     *
     * @param outcome the values of the call's {@code idempotency_record} row
     *                ({@link com.cardcoupons.platform.idempotency.IdempotentCall#outcome})
     */
    Addition add(Reservation reservation, List<UsageEvent> events, List<Object> outcome) {
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
        params.addAll(couponIds);
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
        params.addAll(outcome);
        try {
            jdbc.sql(statements.computeIfAbsent(new Shape(redemptions.size(), eventRows.count()), shape -> ADD.formatted(
                            String.join(", ", Collections.nCopies(shape.coupons(), "?::uuid")),
                            String.join(", ", Collections.nCopies(shape.coupons(), REDEMPTION)), UsageRows.COLUMNS,
                            eventRows.values(), IdempotentCall.RECORD_COLUMNS)))
                    .params(params).query(Long.class).single();
            return new Addition(List.of(), false, false);
        } catch (DataAccessException e) {
            ServerErrorMessage refusal = refusalOf(e);
            if (refusal != null && NO_USE_FREE.equals(refusal.getMessage())) {
                return new Addition(Arrays.stream(refusal.getDetail().split(",")).map(UUID::fromString).toList(), false, false);
            }
            if (refusal != null && ONE_LIVE_USE.equals(refusal.getConstraint())) {
                return new Addition(List.of(), true, false);
            }
            if (refusal != null && IdempotentCall.KEY_CONSTRAINT.equals(refusal.getConstraint())) {
                return new Addition(List.of(), false, true);
            }
            throw e;
        }
    }

    /** Typed, so a null costs no round trip for parameter metadata. */
    private static SqlParameterValue timestamp(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, instant == null ? null : instant.atOffset(ZoneOffset.UTC));
    }

    /** What a use's statement depends on: how many coupons it takes and how many usage events it appends. */
    private record Shape(int coupons, int events) {
    }

    /** What PostgreSQL said when it refused the statement, if it did. */
    private static ServerErrorMessage refusalOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException refusal && refusal.getServerErrorMessage() != null) {
                return refusal.getServerErrorMessage();
            }
        }
        return null;
    }

    /**
     * What became of a new use; nothing was written unless it was {@link #added()}.
     *
     * @param usedUp            the coupons that had no use free
     * @param transactionHasUse the terminal's transaction already has a live use of coupons (the partial unique index
     *                          {@code reservation_one_live_per_transaction})
     * @param keyTaken          another call recorded its outcome under the same Idempotency-Key first
     */
    record Addition(List<UUID> usedUp, boolean transactionHasUse, boolean keyTaken) {

        public Addition {
            usedUp = List.copyOf(usedUp);
        }

        boolean added() {
            return usedUp.isEmpty() && !transactionHasUse && !keyTaken;
        }
    }
}
