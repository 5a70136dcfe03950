package com.cardcoupons.couponserver.usage;

import org.springframework.jdbc.support.SqlArrayValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Usage events as the columns of one insert ({@link UsageLog}), {@code insert into usage_event (COLUMNS) select * from}
 * {@link #UNNEST}: sixteen arrays, whatever the number of events. The statement is the same for every batch, so PostgreSQL parses and
 * plans it once per connection; a multi-row insert ({@link UsageRows}) is a new statement for each new number of rows,
 * which for the search log's batches of hundreds of events cost more than writing them.
 */
final class UsageColumns {

    /** The element type of each column of {@link UsageRows#COLUMNS}, in that order. */
    private static final String[] ELEMENT_TYPES = {"timestamptz", "text", "uuid", "uuid", "uuid", "uuid", "text", "text",
            "text", "uuid", "uuid", "uuid", "text", "int8", "int8", "int4"};

    /** The rows of the insert, one array per column of {@link UsageRows#COLUMNS}, in that order. */
    static final String UNNEST = Arrays.stream(ELEMENT_TYPES).map(type -> "?::" + type + "[]")
            .collect(Collectors.joining(", ", "unnest(", ")"));

    private final List<Object[]> rows = new ArrayList<>();

    /** Adds events that happened at {@code occurredAt}. */
    UsageColumns add(Instant occurredAt, List<UsageEvent> events) {
        String at = occurredAt.toString();
        for (UsageEvent event : events) {
            Object[] eventValues = UsageRows.eventValues(event);
            Object[] row = new Object[eventValues.length + 1];
            row[0] = at;
            for (int i = 0; i < eventValues.length; i++) {
                // arrays go as text: the element type of each column names what PostgreSQL reads it as
                row[i + 1] = eventValues[i] instanceof UUID id ? id.toString() : eventValues[i];
            }
            rows.add(row);
        }
        return this;
    }

    /** The sixteen arrays of {@link #UNNEST}. */
    List<Object> params() {
        List<Object> columns = new ArrayList<>(ELEMENT_TYPES.length);
        for (int column = 0; column < ELEMENT_TYPES.length; column++) {
            Object[] values = new Object[rows.size()];
            for (int row = 0; row < values.length; row++) {
                values[row] = rows.get(row)[column];
            }
            columns.add(new SqlArrayValue(ELEMENT_TYPES[column], values));
        }
        return columns;
    }

    int count() {
        return rows.size();
    }
}
