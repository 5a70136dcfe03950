package com.cardcoupons.platform.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The recorded outcomes, one per scope and key (and card, in a table kept per card), in the service's own table
 * ({@link IdempotencyProperties#table()}).
 */
class IdempotencyRecords {

    private final JdbcClient jdbc;
    private final String table;
    private final boolean perCard;

    IdempotencyRecords(JdbcClient jdbc, IdempotencyProperties properties) {
        this.jdbc = jdbc;
        this.table = properties.table();
        this.perCard = properties.perCard();
    }

    /**
     * Records an outcome under its key, unless one is recorded already: false then. A concurrent record of the same key
     * makes this wait on the primary key until that transaction ends, so a duplicate learns of the original here.
     */
    boolean record(IdempotentCall call, StoredOutcome outcome) {
        if (perCard && call.card() == null) {
            throw new IllegalStateException("an outcome recorded in " + table + " names the card its call concerns");
        }
        List<Object> values = new ArrayList<>(call.recordValues(outcome));
        String columns = IdempotentCall.RECORD_COLUMNS;
        if (perCard) {
            values.add(0, call.card());
            columns = "card_token, " + columns;
        }
        return jdbc.sql("insert into " + table + " (" + columns + ") values (" + "?, ".repeat(values.size() - 1) + "?)"
                        + " on conflict do nothing")
                .params(values)
                .update() == 1;
    }

    /** The outcome recorded under the key; in a table kept per card, the one of the same request if there are several. */
    Optional<StoredOutcome> find(String scope, String key, String requestHash) {
        return jdbc.sql("""
                        select request_hash, response_status, content_type, location, response_body
                          from %s where scope = ? and idempotency_key = ?
                         order by request_hash = ? desc limit 1""".formatted(table))
                .params(scope, key, requestHash)
                .query((rs, row) -> new StoredOutcome(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    int forgetOlderThan(Duration retention) {
        return jdbc.sql("delete from " + table + " where created_at < now() - make_interval(secs => ?)")
                .param(retention.toSeconds())
                .update();
    }
}
