package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.budget.BudgetClaim;
import com.cardcoupons.couponserver.budget.BudgetCounters;
import com.cardcoupons.couponserver.budget.BudgetLimit;
import com.cardcoupons.couponserver.usage.UsageEvent;
import com.cardcoupons.couponserver.usage.UsageLog;
import com.cardcoupons.couponserver.usage.UsageRows;
import com.cardcoupons.platform.idempotency.IdempotentCall;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static com.cardcoupons.couponserver.redemption.Reservations.timestamp;

/**
 * Adds new uses of one card's coupons, whose ids the domain assigns, each as one data-modifying statement outside any
 * transaction, so a use costs one round trip to the database and the commit that comes with it; plain SQL without a
 * repository proxy, as it is the till's hot path. The statement first records the call's outcome under its
 * Idempotency-Key; a key recorded already leaves everything else unwritten. The uses are then taken in
 * {@code coupon_use} by a conditional upsert that only counts a use up while one is free, checked on each locked row,
 * so concurrent uses of the last free use queue up there and exactly one gets it; the coupons are named in id order,
 * so two uses of the same coupons lock them in the same order and cannot deadlock. The reservation is added only if
 * every use was taken and its terminal's transaction has no live use of the card's coupons; otherwise the statement
 * refuses itself whole (the database function {@code coupon_use_complete}, each refusal with its own SQLSTATE): a use
 * is all or nothing without a transaction to roll back. The budgets of the coupons' campaigns, when they have any, are
 * counted by the same statement, on the same condition ({@link BudgetCounters}), which also appends a
 * {@code BUDGET_EXHAUSTED} usage event for each campaign-wide limit the use ran out: it commits with the use or not at
 * all. Coupons, redemptions and events are lists of parameters, never
 * arrays, so PostgreSQL keeps one plan per shape of purchase instead of planning every call.
 */
@Repository
class NewReservations {

    /** A named coupon had no use free. */
    private static final String NO_USE_FREE = "CU001";
    /** The terminal's transaction already has a live use of the card's coupons. */
    private static final String TRANSACTION_HAS_USE = "CU002";
    /** A budget the use counts against had no room: the message names the limits. */
    private static final String NO_BUDGET_ROOM = BudgetCounters.NO_ROOM;
    /** The coupon was cancelled while this use took its first use: its foreign key found it no longer active. */
    private static final String COUPON_NO_LONGER_ACTIVE = "coupon_use_active_coupon";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private static final String ADD = """
            with outcome as (
                insert into coupon_server_idempotency_record (card_token, %5$s) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict do nothing
                returning 1),
            held as (
                insert into coupon_use (coupon_id, card_token, uses_allowed, uses_held)
                select c.id, c.card_token, c.uses_allowed, 1 from coupon c
                 where c.card_token = ? and c.id in (%1$s) and c.state = 'ACTIVE' and exists (select from outcome)
                 order by c.id
                on conflict (coupon_id, card_token) do update set uses_held = coupon_use.uses_held + 1
                 where coupon_use.uses_held < coupon_use.uses_allowed
                returning coupon_id)%6$s,
            reservation as (
                insert into reservation (id, card_token, merchant_id, store_id, terminal_id, transaction_id, state,
                                         currency, amount_minor, discount_minor, hold_until, created_at, settled_at)
                select ?::uuid, ?, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?::timestamptz, ?::timestamptz, ?::timestamptz
                 where (select count(*) from held) = %3$d
                on conflict (card_token, terminal_id, transaction_id) where state in ('RESERVED', 'CONFIRMED') do nothing
                returning id),
            redemption as (
                insert into redemption (id, card_token, reservation_id, coupon_id, campaign_id, state, discount_minor,
                                        created_at, settled_at)
                select * from (values %2$s) as r where exists (select from reservation)),
            event as (%4$s)%9$s
            select case when exists (select from outcome)
                        then coupon_use_complete(%3$d, (select count(*) from held), exists (select from reservation))%7$s
                        else false end as added,
                   %8$s as counted""";
    private static final String REDEMPTION =
            "(?::uuid, ?::card_token, ?::uuid, ?::uuid, ?::uuid, ?::use_state, ?::bigint, ?::timestamptz, ?::timestamptz)";

    private final JdbcClient jdbc;
    /** The statement for each shape of use, built once rather than formatted on every call. */
    private final Map<Shape, String> statements = new ConcurrentHashMap<>();

    NewReservations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the outcome of the terminal's call under its Idempotency-Key, takes one use of each of the reservation's
     * coupons, records the reservation with its redemptions and appends its usage events, all in one statement that
     * commits by itself: all of it, or none of it.
     *
     * @param outcome the values of the call's recorded outcome ({@link IdempotentCall#outcome}), kept with the card
     */
    Added add(Reservation reservation, List<BudgetClaim> claims, List<UsageEvent> events, List<Object> outcome) {
        List<Redemption> redemptions = reservation.redemptions();
        List<UUID> couponIds = redemptions.stream().map(Redemption::couponId).sorted().toList();
        String card = reservation.card().value();
        UsageRows eventRows = new UsageRows().add(reservation.createdAt(), events);
        List<Object> params = new ArrayList<>();
        params.add(card);
        params.addAll(outcome);
        params.add(card);
        params.addAll(couponIds);
        if (!claims.isEmpty()) {
            params.addAll(BudgetCounters.takeParams(reservation.card(), claims));
        }
        params.add(reservation.id());
        params.add(card);
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
        for (Redemption redemption : redemptions) {
            params.add(redemption.id());
            params.add(card);
            params.add(reservation.id());
            params.add(redemption.couponId());
            params.add(redemption.campaignId());
            params.add(redemption.state().name());
            params.add(redemption.discount().amountMinor());
            params.add(timestamp(reservation.createdAt()));
            params.add(timestamp(redemption.settledAt()));
        }
        params.addAll(eventRows.params());
        if (!claims.isEmpty()) {
            params.addAll(UsageLog.exhaustionParams(reservation.createdAt(), reservation.id(), reservation.card(),
                    reservation.till()));
        }
        try {
            Shape shape = new Shape(redemptions.size(), eventRows.count(), claims.size());
            Counted counted = jdbc.sql(statements.computeIfAbsent(shape, key -> statement(key, eventRows))).params(params)
                    .query((rs, row) -> new Counted(rs.getBoolean("added"), rs.getString("counted"))).single();
            return counted.added()
                    ? new Added(Addition.ADDED, List.of(), BudgetCounters.exhausted(claims, counted.ranOut()))
                    : Added.just(Addition.KEY_TAKEN);
        } catch (DataAccessException e) {
            ServerErrorMessage refusal = refusalOf(e);
            if (refusal == null) {
                throw e;
            }
            if (NO_USE_FREE.equals(refusal.getSQLState())) {
                return Added.just(Addition.NO_USE_FREE);
            }
            if (TRANSACTION_HAS_USE.equals(refusal.getSQLState())) {
                return Added.just(Addition.TRANSACTION_HAS_USE);
            }
            if (NO_BUDGET_ROOM.equals(refusal.getSQLState())) {
                return new Added(Addition.NO_BUDGET_ROOM, BudgetCounters.shortOf(refusal.getMessage()), List.of());
            }
            if (FOREIGN_KEY_VIOLATION.equals(refusal.getSQLState()) && COUPON_NO_LONGER_ACTIVE.equals(refusal.getConstraint())) {
                return Added.just(Addition.NO_USE_FREE);
            }
            throw e;
        }
    }

    private static String statement(Shape shape, UsageRows eventRows) {
        return ADD.formatted(
                String.join(", ", Collections.nCopies(shape.coupons(), "?::uuid")),
                String.join(", ", Collections.nCopies(shape.coupons(), REDEMPTION)), shape.coupons(),
                UsageLog.insertRows(eventRows, "exists (select from reservation)"), IdempotentCall.RECORD_COLUMNS,
                shape.budgetClaims() == 0 ? "" : ",\n" + BudgetCounters.takeAndName(shape.budgetClaims()),
                shape.budgetClaims() == 0 ? "" : " and " + BudgetCounters.CHECK,
                shape.budgetClaims() == 0 ? "null::text" : BudgetCounters.COUNTED,
                shape.budgetClaims() == 0 ? ""
                        : ",\n            exhausted as (" + UsageLog.insertExhaustions("exists (select from reservation)") + ")");
    }

    /** The statement's answer: whether it added the use, and the campaign-wide budget counts it ran out. */
    private record Counted(boolean added, String ranOut) {
    }

    /**
     * What a use's statement depends on: how many coupons it takes, how many usage events it appends and how many
     * budget counts it advances.
     */
    private record Shape(int coupons, int events, int budgetClaims) {
    }

    /**
     * What became of a new use, with the budget limits that had no room when it was refused for that, and, when it
     * was added, the claims whose budgets it ran out (its statement recorded the campaign-wide ones in the usage log).
     */
    record Added(Addition addition, List<BudgetLimit> shortOf, List<BudgetClaim> exhausted) {

        static Added just(Addition addition) {
            return new Added(addition, List.of(), List.of());
        }
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

    /** What became of a new use; nothing was written unless it was {@link #ADDED}. */
    enum Addition {
        ADDED,
        /** A named coupon had no use free when the statement ran, or was no longer active: read them again to say which. */
        NO_USE_FREE,
        /** The terminal's transaction already has a live use of the card's coupons. */
        TRANSACTION_HAS_USE,
        /** A budget of a coupon's campaign had no room for the use (see {@link Added#shortOf}). */
        NO_BUDGET_ROOM,
        /** Another call recorded its outcome under the same Idempotency-Key first. */
        KEY_TAKEN
    }
}
