package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.coupon.Till;
import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Usage events as the rows of one multi-row insert ({@link UsageLog#insertRows}), with its typed parameters. A
 * statement that writes something else too (a use of coupons) appends its events in the same round trip, as a list of
 * parameters whose shape it plans for; other appends, of any size, are written as columns instead
 * ({@code UsageColumns}). Each event carries the time it happened, not the time it reached the database.
 */
public final class UsageRows {

    public static final String COLUMNS = """
            occurred_at, type, campaign_id, coupon_id, search_id, reservation_id, card_token, medium_type, channel,
            merchant_id, store_id, terminal_id, currency, amount_minor, discount_minor, matched_count""";

    private static final String ROW = """
            (?::timestamptz, ?::text, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::text, ?::text, ?::text, ?::uuid, ?::uuid,
             ?::uuid, ?::char(3), ?::bigint, ?::bigint, ?::int)""";

    /** The SQL type of each of {@link #eventValues}, so that a null costs no round trip for parameter metadata. */
    private static final int[] SQL_TYPES = {Types.VARCHAR, Types.OTHER, Types.OTHER, Types.OTHER, Types.OTHER,
            Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.OTHER, Types.OTHER, Types.OTHER, Types.VARCHAR, Types.BIGINT,
            Types.BIGINT, Types.INTEGER};

    private final StringJoiner values = new StringJoiner(", ");
    private final List<Object> params = new ArrayList<>();
    private int count;

    /** Adds events that happened at {@code occurredAt}. */
    public UsageRows add(Instant occurredAt, List<UsageEvent> events) {
        SqlParameterValue at = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, occurredAt.atOffset(ZoneOffset.UTC));
        for (UsageEvent event : events) {
            values.add(ROW);
            params.add(at);
            Object[] eventValues = eventValues(event);
            for (int i = 0; i < eventValues.length; i++) {
                params.add(new SqlParameterValue(SQL_TYPES[i], eventValues[i]));
            }
            count++;
        }
        return this;
    }

    /**
     * An event's values for {@link #COLUMNS} after {@code occurred_at}, in that order: the one place an event is mapped
     * onto the log's columns, for these rows and for {@link UsageColumns}.
     */
    static Object[] eventValues(UsageEvent event) {
        Till till = event.till();
        return new Object[] {event.type().name(), event.campaignId(), event.couponId(), event.searchId(),
                event.reservationId(), event.cardToken(), event.mediumType(), event.channel(),
                till == null ? null : till.merchantId(), till == null ? null : till.storeId(),
                till == null ? null : till.terminalId(),
                event.currency() == null ? null : event.currency().getCurrencyCode(),
                event.amount() == null ? null : event.amount().amountMinor(),
                event.discount() == null ? null : event.discount().amountMinor(), event.matchedCount()};
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
}
