package com.cardcoupons.couponserver.usage;

import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * Usage events as the rows of one multi-row insert, {@code insert into usage_event (COLUMNS) select * from (values
 * <values>) ...}, with its typed parameters. A statement that writes something else too (a use of coupons) appends its
 * events in the same round trip, as a list of parameters whose shape it plans for; the search log's batches, of any
 * size, are written as columns instead ({@code UsageColumns}). Each event's own entity insert would cost a statement
 * per event, as {@code usage_event}'s id is an identity column, which JDBC cannot batch. Each event carries the time it
 * happened, not the time it reached the database.
 */
public final class UsageRows {

    public static final String COLUMNS = """
            occurred_at, type, campaign_id, coupon_id, search_id, reservation_id, card_token, medium_type, channel,
            merchant_id, store_id, terminal_id, currency, amount_minor, discount_minor, matched_count""";

    private static final String ROW = """
            (?::timestamptz, ?::text, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::text, ?::text, ?::text, ?::uuid, ?::uuid,
             ?::uuid, ?::char(3), ?::bigint, ?::bigint, ?::int)""";

    private final StringJoiner values = new StringJoiner(", ");
    private final List<Object> params = new ArrayList<>();
    private int count;

    /** Adds events that happened at {@code occurredAt}. */
    public UsageRows add(Instant occurredAt, List<UsageEvent> events) {
        SqlParameterValue at = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, occurredAt.atOffset(ZoneOffset.UTC));
        for (UsageEvent event : events) {
            values.add(ROW);
            params.add(at);
            params.add(text(event.type().name()));
            params.add(uuid(event.campaignId()));
            params.add(uuid(event.couponId()));
            params.add(uuid(event.searchId()));
            params.add(uuid(event.reservationId()));
            params.add(text(event.cardToken()));
            params.add(text(event.mediumType()));
            params.add(text(event.channel()));
            params.add(uuid(event.till() == null ? null : event.till().merchantId()));
            params.add(uuid(event.till() == null ? null : event.till().storeId()));
            params.add(uuid(event.till() == null ? null : event.till().terminalId()));
            params.add(text(event.currency() == null ? null : event.currency().getCurrencyCode()));
            params.add(new SqlParameterValue(Types.BIGINT, event.amount() == null ? null : event.amount().amountMinor()));
            params.add(new SqlParameterValue(Types.BIGINT, event.discount() == null ? null : event.discount().amountMinor()));
            params.add(new SqlParameterValue(Types.INTEGER, event.matchedCount()));
            count++;
        }
        return this;
    }

    /** The {@code (...), (...)} list of placeholders, one group per event. */
    public String values() {
        if (count == 0) {
            throw new IllegalStateException("no usage events to write");
        }
        return values.toString();
    }

    /** The parameters of {@link #values()}, typed so that a null costs no round trip for parameter metadata. */
    public List<Object> params() {
        return List.copyOf(params);
    }

    public int count() {
        return count;
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }
}
