package com.cardcoupons.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The recorded outcomes, one per scope and key, in the shared {@code idempotency_record} table. */
class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records an outcome under its key ({@link IdempotentCall#recordValues}), unless one is recorded already: false
     * then. A concurrent record of the same key makes this wait on the primary key until that transaction ends, so a
     * duplicate learns of the original here.
     */
    boolean record(List<Object> values) {
        return jdbc.sql("insert into idempotency_record (" + IdempotentCall.RECORD_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)"
                        + " on conflict do nothing")
                .params(values)
                .update() == 1;
    }

    Optional<StoredOutcome> find(String scope, String key) {
        return jdbc.sql("""
                        select request_hash, response_status, content_type, location, response_body
                          from idempotency_record where scope = ? and idempotency_key = ?""")
                .params(scope, key)
                .query((rs, row) -> new StoredOutcome(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    int forgetOlderThan(Duration retention) {
        return jdbc.sql("delete from idempotency_record where created_at < now() - make_interval(secs => ?)")
                .param(retention.toSeconds())
                .update();
    }
}
