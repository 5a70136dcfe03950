package com.cardcoupons.couponserver.usage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends searches' events to the immutable usage log, any number in one statement ({@link UsageColumns}). The searches
 * hand their events to {@link SearchLog}, which writes them here; the transitions of reservations are added through
 * {@link UsageEvents}, or by the statement that writes the transition.
 */
@Repository
class UsageLog {

    /** For this statement's own transaction only: commit without waiting for the WAL to reach the disk. */
    private static final String INSERT = "insert into usage_event (" + UsageRows.COLUMNS + ") select * from "
            + UsageColumns.UNNEST + " where set_config('synchronous_commit', 'off', true) = 'off'";

    private final JdbcClient jdbc;

    UsageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends searches' events in a transaction of their own that does not wait for the WAL flush at commit
     * ({@code synchronous_commit = off}): a crash can lose the last moment's search records, never corrupt them or
     * anything else. Uses, reservations and reversals are always flushed. Call it outside any transaction.
     */
    void appendSearches(UsageColumns events) {
        jdbc.sql(INSERT).params(events.params()).update();
    }
}
