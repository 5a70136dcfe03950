package com.cardcoupons.relay.journal;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.List;

/**
 * Found by Spring Data by its name: {@link JournalAppends} as one multi-row insert. Persisted as entities, entries
 * would cost a round trip each (the journal is numbered by an identity column, so Hibernate cannot batch them).
 */
class JournalAppendsImpl implements JournalAppends {

    private static final String INSERT = "insert into settlement_journal (" + JournalRows.COLUMNS + ") values %s";

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
        List<Object> values = new ArrayList<>();
        JournalRows.bind(entries, values);
        jdbc.sql(INSERT.formatted(JournalRows.placeholders(entries.size()))).params(values).update();
    }
}
