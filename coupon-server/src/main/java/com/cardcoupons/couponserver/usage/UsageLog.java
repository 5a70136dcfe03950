package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.medium.CardToken;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The one writer of the usage log, {@code usage_event}: every statement that appends to it is made here, from the one
 * mapping of an event onto the log's columns ({@link UsageRows#eventValues}). Searches hand their events to
 * {@link SearchLog}, which appends them with {@link #appendSearches}; the transitions of reservations append theirs in
 * their transaction with {@link #append}; a new use appends its events in its own statement, with the rows
 * {@link #insertRows} makes, and the budgets it ran out with {@link #insertExhaustions}.
 */
@Repository
public class UsageLog {

    private static final String INSERT = "insert into usage_event (" + UsageRows.COLUMNS + ") select * from "
            + UsageColumns.UNNEST;
    /** For this statement's own transaction only: commit without waiting for the WAL to reach the disk. */
    private static final String INSERT_SEARCHES = INSERT + " where set_config('synchronous_commit', 'off', true) = 'off'";

    private final JdbcClient jdbc;

    UsageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The part of a statement that appends {@code rows} when {@code condition} holds, for a statement that writes
     * something else too: {@code insert into usage_event (...) select * from (values ...) as e where <condition>}.
     */
    public static String insertRows(UsageRows rows, String condition) {
        return "insert into usage_event (" + UsageRows.COLUMNS + ") select * from (values " + rows.values() + ") as e where "
                + condition;
    }

    /**
     * The part of a use's statement that appends a {@code BUDGET_EXHAUSTED} event for each row of its
     * {@code budget_exhausted} part (campaign_id, budget_limit, period_start) when {@code condition} holds, with the
     * use's time, reservation, card and till; its parameters are {@link #exhaustionParams}.
     */
    public static String insertExhaustions(String condition) {
        return """
                insert into usage_event (occurred_at, type, campaign_id, reservation_id, card_token, merchant_id, store_id,
                                         terminal_id, budget_limit, budget_period_start)
                select ?::timestamptz, 'BUDGET_EXHAUSTED', x.campaign_id, ?::uuid, ?::text, ?::uuid, ?::uuid, ?::uuid,
                       x.budget_limit, x.period_start
                  from budget_exhausted x
                 where\s""" + condition;
    }

    /** The parameters of {@link #insertExhaustions}, in order. */
    public static List<Object> exhaustionParams(Instant at, UUID reservationId, CardToken card, Till till) {
        return List.of(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, at.atOffset(ZoneOffset.UTC)), reservationId,
                card.value(), till.merchantId(), till.storeId(), till.terminalId());
    }

    /** Appends events that happened at {@code at}, in the caller's transaction: durable when it commits. */
    public void append(Instant at, List<UsageEvent> events) {
        if (!events.isEmpty()) {
            jdbc.sql(INSERT).params(new UsageColumns().add(at, events).params()).update();
        }
    }

    /**
     * Appends searches' events in a transaction of their own that does not wait for the WAL flush at commit
     * ({@code synchronous_commit = off}): a crash can lose the last moment's search records, never corrupt them or
     * anything else. Uses, reservations and reversals are always flushed. Call it outside any transaction.
     */
    void appendSearches(UsageColumns events) {
        jdbc.sql(INSERT_SEARCHES).params(events.params()).update();
    }
}
