package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * The settlement journal, with plain SQL: a step's entries are appended at once, in one multi-row insert (the journal
 * is numbered by an identity column, so entries one by one would cost a round trip each), in their own commit or in
 * the caller's; and read back in order. Statements that write a payment's step and its entries at once use
 * {@link JournalRows}.
 */
@Repository
public class SettlementJournal {

    private static final String INSERT = "insert into settlement_journal (" + JournalRows.COLUMNS + ") values %s";

    private final JdbcClient jdbc;

    SettlementJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entries after whatever was written so far, numbered in the order given. */
    public void append(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>();
        JournalRows.bind(entries, values);
        jdbc.sql(INSERT.formatted(JournalRows.placeholders(entries.size()))).params(values).update();
    }

    /** A payment's steps, in the order they were written. */
    public List<JournalEntry> ofPayment(UUID paymentId) {
        return jdbc.sql("""
                        select id, occurred_at, payment_id, step, authorization_id, leg, currency, amount_minor,
                               authorization_code, response_code, reservation_id, coupon_codes, stan, retrieval_reference, detail
                          from settlement_journal where payment_id = ? order by id""")
                .param(new SqlParameterValue(Types.OTHER, paymentId))
                .query((row, number) -> entry(row)).list();
    }

    private static JournalEntry entry(ResultSet row) throws SQLException {
        String leg = row.getString("leg");
        String currency = row.getString("currency");
        Array codes = row.getArray("coupon_codes");
        return JournalEntry.restore(row.getLong("id"), row.getObject("payment_id", UUID.class),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                JournalStep.valueOf(row.getString("step")), row.getObject("authorization_id", UUID.class),
                leg == null ? null : AuthorizationLeg.valueOf(leg),
                currency == null ? null : new Money(row.getLong("amount_minor"), Currency.getInstance(currency)),
                row.getString("authorization_code"), row.getString("response_code"),
                row.getObject("reservation_id", UUID.class),
                codes == null ? null : Arrays.asList((String[]) codes.getArray()), row.getString("stan"),
                row.getString("retrieval_reference"), row.getString("detail"));
    }
}
