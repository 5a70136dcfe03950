package com.cardcoupons.relay.journal;

import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Types;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * Journal entries as the rows of a multi-row insert into {@code settlement_journal}, for statements that write a
 * payment's step and its entries at once. The rows are numbered by the journal's identity column in the order given.
 */
public final class JournalRows {

    /** The columns the rows fill, in the order of their values. */
    public static final String COLUMNS = """
            occurred_at, payment_id, step, authorization_id, leg, currency, amount_minor, authorization_code, response_code,
            reservation_id, coupon_codes, stan, retrieval_reference, detail""";

    private static final String ROW = "(?, ?::uuid, ?, ?::uuid, ?, ?, ?, ?, ?, ?::uuid, ?::text[], ?, ?, ?)";

    private JournalRows() {
    }

    /** {@code (?, ...), (?, ...)}: the placeholders of {@code count} rows, for a {@code values} list. */
    public static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, ROW));
    }

    /** Adds the entries' values to {@code parameters}, in the order of {@link #COLUMNS} and of the entries. */
    public static void bind(List<JournalEntry> entries, List<Object> parameters) {
        for (JournalEntry entry : entries) {
            parameters.add(new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, entry.occurredAt().atOffset(ZoneOffset.UTC)));
            parameters.add(new SqlParameterValue(Types.OTHER, entry.paymentId()));
            parameters.add(text(entry.step().name()));
            parameters.add(new SqlParameterValue(Types.OTHER, entry.authorizationId()));
            parameters.add(text(entry.leg() == null ? null : entry.leg().name()));
            parameters.add(text(entry.amount() == null ? null : entry.amount().currency().getCurrencyCode()));
            parameters.add(new SqlParameterValue(Types.BIGINT, entry.amount() == null ? null : entry.amount().amountMinor()));
            parameters.add(text(entry.authorizationCode()));
            parameters.add(text(entry.responseCode()));
            parameters.add(new SqlParameterValue(Types.OTHER, entry.reservationId()));
            parameters.add(new SqlParameterValue(Types.ARRAY,
                    entry.couponCodes().isEmpty() ? null : entry.couponCodes().toArray(String[]::new)));
            parameters.add(text(entry.stan()));
            parameters.add(text(entry.retrievalReference()));
            parameters.add(text(entry.detail()));
        }
    }

    /** Typed, so a null costs no round trip to ask the database for the parameter's type. */
    public static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }
}
