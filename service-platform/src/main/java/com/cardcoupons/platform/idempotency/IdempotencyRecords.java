package com.cardcoupons.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Optional;

/** The recorded outcomes, one per scope and key, in the shared {@code idempotency_record} table. */
class IdempotencyRecords {

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the key for this transaction. A concurrent claim of the same key waits on the primary key until this
     * transaction ends, then finds the recorded outcome; so a duplicate never runs alongside the original.
     */
    boolean claim(String scope, String key, String requestHash) {
        return jdbc.sql("""
                        insert into idempotency_record (scope, idempotency_key, request_hash, response_status, response_body)
                        values (?, ?, ?, 0, ''::bytea)
                        on conflict do nothing""")
                .params(scope, key, requestHash)
                .update() == 1;
    }

    void complete(String scope, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        update idempotency_record
                           set response_status = ?, content_type = ?, location = ?, response_body = ?
                         where scope = ? and idempotency_key = ?""")
                .params(status, contentType, location, body, scope, key)
                .update();
    }

    /** Records a refusal outside the rolled-back transaction; a record that got there first wins. */
    void recordRefusal(String scope, String key, String requestHash, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        insert into idempotency_record (scope, idempotency_key, request_hash, response_status, content_type, response_body)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(scope, key, requestHash, status, contentType, body)
                .update();
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
