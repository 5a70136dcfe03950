package com.cardcoupons.couponserver.usage;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Appends a search's events to the immutable usage log in one statement, so logging a search costs one round trip
 * however many coupons matched; persisting them as entities would cost one insert each ({@code usage_event}'s id
 * is an identity column). The transitions of reservations are added through {@link UsageEvents}.
 */
@Repository
public class UsageLog {

    private static final String INSERT = """
            insert into usage_event (type, campaign_id, coupon_id, search_id, reservation_id, card_token, medium_type,
                                     channel, merchant_id, store_id, terminal_id, currency, amount_minor, discount_minor,
                                     matched_count)
            select * from (values %s) as events""";
    private static final String ROW = """
            (?::text, ?::uuid, ?::uuid, ?::uuid, ?::uuid, ?::text, ?::text, ?::text, ?::uuid, ?::uuid, ?::uuid, ?::char(3),
             ?::bigint, ?::bigint, ?::int)""";
    /** For this statement's own transaction only: commit without waiting for the WAL to reach the disk. */
    private static final String UNFLUSHED = " where set_config('synchronous_commit', 'off', true) = 'off'";
    private static final int COLUMNS = 15;

    private final JdbcClient jdbc;

    UsageLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends a search's events in a transaction of their own that does not wait for the WAL flush at commit
     * ({@code synchronous_commit = off}): a crash can lose the last moment's search records, never corrupt them or
     * anything else. Uses, reservations and reversals are always flushed. Call it outside any transaction.
     */
    public void appendSearch(List<UsageEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<Object> values = new ArrayList<>(events.size() * COLUMNS);
        for (UsageEvent event : events) {
            values.add(text(event.type().name()));
            values.add(uuid(event.campaignId()));
            values.add(uuid(event.couponId()));
            values.add(uuid(event.searchId()));
            values.add(uuid(event.reservationId()));
            values.add(text(event.cardToken()));
            values.add(text(event.mediumType()));
            values.add(text(event.channel()));
            values.add(uuid(event.till() == null ? null : event.till().merchantId()));
            values.add(uuid(event.till() == null ? null : event.till().storeId()));
            values.add(uuid(event.till() == null ? null : event.till().terminalId()));
            values.add(text(event.amount() == null ? null : event.amount().currency().getCurrencyCode()));
            values.add(new SqlParameterValue(Types.BIGINT, event.amount() == null ? null : event.amount().amountMinor()));
            values.add(new SqlParameterValue(Types.BIGINT, event.discount() == null ? null : event.discount().amountMinor()));
            values.add(new SqlParameterValue(Types.INTEGER, event.matchedCount()));
        }
        jdbc.sql(INSERT.formatted(String.join(", ", Collections.nCopies(events.size(), ROW))) + UNFLUSHED).params(values).update();
    }

    /** Typed, so a null costs no parameter-metadata round trip to the database. */
    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }
}
