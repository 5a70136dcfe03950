package com.cardcoupons.relay.journal;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Found by Spring Data by its name: {@link JournalAppends} as one multi-row insert. Persisted as entities, entries
 * would cost a round trip each (the journal is numbered by an identity column, so Hibernate cannot batch them), and
 * the payment's steps wait for their commits before the authorization goes out and before the terminal is answered.
 */
class JournalAppendsImpl implements JournalAppends {

    private static final String INSERT = """
            insert into settlement_journal (occurred_at, payment_id, step, authorization_id, leg, currency, amount_minor,
                                            authorization_code, response_code, reservation_id, coupon_codes, detail)
            values %s""";
    private static final String ROW = "(?, ?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?::uuid, ?::text[], ?)";
    private static final int COLUMNS = 12;

    private final EntityManager entityManager;
    private final JdbcClient jdbc;

    JournalAppendsImpl(EntityManager entityManager, JdbcClient jdbc) {
        this.entityManager = entityManager;
        this.jdbc = jdbc;
    }

    @Override
    public void append(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        if (entityManager.isJoinedToTransaction()) {
            // the entries refer to the payment, which this transaction may have only persisted so far
            entityManager.flush();
        }
        List<Object> values = new ArrayList<>(entries.size() * COLUMNS);
        for (JournalEntry entry : entries) {
            values.add(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, entry.occurredAt().atOffset(ZoneOffset.UTC)));
            values.add(new SqlParameterValue(Types.OTHER, entry.paymentId()));
            values.add(text(entry.step().name()));
            values.add(new SqlParameterValue(Types.OTHER, entry.authorizationId()));
            values.add(text(entry.leg() == null ? null : entry.leg().name()));
            values.add(text(entry.amount() == null ? null : entry.amount().currency().getCurrencyCode()));
            values.add(new SqlParameterValue(Types.BIGINT, entry.amount() == null ? null : entry.amount().amountMinor()));
            values.add(text(entry.authorizationCode()));
            values.add(text(entry.responseCode()));
            values.add(new SqlParameterValue(Types.OTHER, entry.reservationId()));
            values.add(new SqlParameterValue(Types.ARRAY,
                    entry.couponCodes().isEmpty() ? null : entry.couponCodes().toArray(String[]::new)));
            values.add(text(entry.detail()));
        }
        jdbc.sql(INSERT.formatted(String.join(", ", Collections.nCopies(entries.size(), ROW)))).params(values).update();
    }

    /** Typed, so a null costs no round trip to ask the database for the parameter's type. */
    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }
}
