package com.cardcoupons.registration.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The deliveries and their attempts. Events are fanned out by one statement that reads the owners' event tables
 * through their grants; sending takes due deliveries with {@code for update skip locked} under a lease, as the relay's
 * outbox does, so two dispatchers never send one delivery at once and one that stopped mid-send leaves it to be sent
 * again when the lease runs out.
 */
@Repository
class Deliveries {

    /** A timestamp in the body as every other instant the API answers: UTC, ISO 8601. */
    private static final String ISO = "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'";

    /**
     * Every event of the window for every endpoint subscribed to it that has no delivery yet (a budget run out goes to
     * the campaign's merchant, whichever store's till ran it out): an anti-join rather
     * than a cursor, since the owners' sequences commit out of order. The unique key (endpoint, event) makes a second
     * fan-out, by another dispatcher at the same moment, write nothing.
     */
    private static final String FAN_OUT = """
            with event as (
                select e.id, e.merchant_id, e.type, e.occurred_at, e.data
                  from registration_event e
                 where e.occurred_at > :since
                union all
                select md5('usage_event:' || u.id)::uuid, u.merchant_id,
                       case u.type when 'CONFIRMED' then 'coupon.used' else 'coupon.use_reversed' end, u.occurred_at,
                       jsonb_build_object('couponId', u.coupon_id, 'campaignId', u.campaign_id,
                           'reservationId', u.reservation_id, 'storeId', u.store_id, 'terminalId', u.terminal_id,
                           'mediumType', u.medium_type,
                           'amount', case when u.amount_minor is not null
                                          then jsonb_build_object('amountMinor', u.amount_minor, 'currency', u.currency) end,
                           'discount', case when u.discount_minor is not null
                                            then jsonb_build_object('amountMinor', u.discount_minor, 'currency', u.currency) end)
                  from usage_event u
                 where u.type in ('CONFIRMED', 'REVERSED') and u.occurred_at > :since and u.merchant_id is not null
                union all
                select md5('usage_event:' || u.id)::uuid, c.merchant_id, 'campaign.budget_exhausted', u.occurred_at,
                       jsonb_build_object('campaignId', u.campaign_id, 'code', u.budget_limit,
                           'periodStart', u.budget_period_start)
                  from usage_event u join campaign c on c.id = u.campaign_id
                 where u.type = 'BUDGET_EXHAUSTED' and u.occurred_at > :since
                union all
                select md5('settlement_journal:' || j.id)::uuid, p.merchant_id, 'payment.coupon_applied', j.occurred_at,
                       jsonb_build_object('paymentId', p.id, 'transactionId', p.transaction_id, 'storeId', p.store_id,
                           'terminalId', p.terminal_id,
                           'amount', jsonb_build_object('amountMinor', p.amount_minor, 'currency', p.currency),
                           'charged', jsonb_build_object('amountMinor', p.charged_minor, 'currency', p.currency),
                           'discount', jsonb_build_object('amountMinor', p.amount_minor - p.charged_minor, 'currency', p.currency),
                           'card', jsonb_build_object('type', p.card_type, 'brand', p.card_brand, 'lastFour', p.card_last_four))
                  from settlement_journal j join payment p on p.id = j.payment_id
                 where j.step = 'PAYMENT_ANSWERED' and j.occurred_at > :since
                   and p.state = 'APPROVED' and p.charged_minor < p.amount_minor)
            insert into webhook_delivery (id, endpoint_id, event_id, event_type, occurred_at, body, state, next_attempt_at, give_up_at)
            select gen_random_uuid(), w.id, e.id, e.type, e.occurred_at,
                   jsonb_build_object('id', e.id, 'type', e.type,
                       'occurredAt', to_char(e.occurred_at at time zone 'UTC', %s),
                       'merchantId', e.merchant_id, 'data', e.data)::text,
                   'PENDING', :now, e.occurred_at + make_interval(secs => :maxAge)
              from event e
              join webhook_endpoint w on w.merchant_id = e.merchant_id and w.deleted_at is null
                                     and e.type = any (w.event_types) and e.occurred_at >= w.created_at
             where not exists (select 1 from webhook_delivery d where d.endpoint_id = w.id and d.event_id = e.id)
            on conflict (endpoint_id, event_id) do nothing""".formatted(ISO);

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Fans out the events of the last {@code window}; how many deliveries it added. */
    int fanOut(Instant now, Duration window, Duration maxAge) {
        return jdbc.sql(FAN_OUT).param("since", Timestamp.from(now.minus(window))).param("now", Timestamp.from(now))
                .param("maxAge", maxAge.toMillis() / 1000.0).update();
    }

    /**
     * Takes up to {@code limit} due deliveries and leases them to the caller: their next attempt moves past the
     * lease and their attempt count goes up. Each comes with its endpoint as it is now.
     */
    @Transactional
    List<Claimed> claimDue(int limit, Instant now, Duration lease) {
        return jdbc.sql("""
                        with due as (
                            select id from webhook_delivery
                             where state = 'PENDING' and next_attempt_at <= :now
                             order by next_attempt_at
                             limit :limit
                               for update skip locked)
                        update webhook_delivery d
                           set next_attempt_at = :leaseUntil, attempts = d.attempts + 1
                          from due, webhook_endpoint w
                         where d.id = due.id and w.id = d.endpoint_id
                        returning d.id, d.event_id, d.event_type, d.body, d.attempts, d.give_up_at, w.url, w.secret,
                                  w.previous_secret, w.previous_secret_until, w.deleted_at""")
                .param("now", Timestamp.from(now)).param("limit", limit).param("leaseUntil", Timestamp.from(now.plus(lease)))
                .query((rs, row) -> {
                    Timestamp until = rs.getTimestamp("previous_secret_until");
                    return new Claimed(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                            rs.getString("event_type"), rs.getString("body"), rs.getInt("attempts"),
                            rs.getTimestamp("give_up_at").toInstant(), rs.getString("url"), rs.getBytes("secret"),
                            rs.getBytes("previous_secret"), until == null ? null : until.toInstant(),
                            rs.getTimestamp("deleted_at") != null);
                })
                .list();
    }

    /**
     * Records an attempt and what became of its delivery, in one commit. The delivery moves only if this sender still
     * holds it (no other sender claimed it after its lease ran out); the attempt is logged either way.
     */
    @Transactional
    void finish(Claimed delivery, Attempt attempt, DeliveryState state, Instant nextAttempt) {
        jdbc.sql("insert into webhook_attempt (delivery_id, attempted_at, status_code, error, latency_ms) values (?, ?, ?, ?, ?)")
                .params(delivery.id(), Timestamp.from(attempt.at()), attempt.statusCode(), truncate(attempt.error()),
                        attempt.latency().toMillis())
                .update();
        jdbc.sql("""
                        update webhook_delivery
                           set state = :state, next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at), last_error = :error,
                               finished_at = case when :state = 'PENDING' then null else cast(:at as timestamptz) end
                         where id = :id and state = 'PENDING' and attempts = :attempts""")
                .param("state", state.name()).param("next", nextAttempt == null ? null : Timestamp.from(nextAttempt))
                .param("error", truncate(attempt.failure())).param("at", Timestamp.from(attempt.at()))
                .param("id", delivery.id()).param("attempts", delivery.attempts())
                .update();
    }

    /**
     * A failed delivery is due again now, and retried as a new one would be (its attempt log keeps the attempts
     * before); false if it is not a failed delivery of the endpoint.
     */
    boolean redeliver(UUID endpointId, UUID deliveryId, Instant now, Duration maxAge) {
        return jdbc.sql("""
                        update webhook_delivery
                           set state = 'PENDING', attempts = 0, next_attempt_at = :now, give_up_at = :giveUp, finished_at = null
                         where id = :id and endpoint_id = :endpoint and state = 'FAILED'""")
                .param("now", Timestamp.from(now)).param("giveUp", Timestamp.from(now.plus(maxAge)))
                .param("id", deliveryId).param("endpoint", endpointId)
                .update() == 1;
    }

    Optional<DeliveryState> stateOf(UUID endpointId, UUID deliveryId) {
        return jdbc.sql("select state from webhook_delivery where id = ? and endpoint_id = ?").params(deliveryId, endpointId)
                .query((rs, row) -> DeliveryState.valueOf(rs.getString(1))).optional();
    }

    /** The endpoint's latest deliveries, newest first, each with its attempts, oldest first. */
    List<WebhookDeliveryLog.WebhookDelivery> log(UUID endpointId, DeliveryState state, int limit) {
        List<WebhookDeliveryLog.WebhookDelivery> deliveries = jdbc.sql("""
                        select id, event_id, event_type, occurred_at, state, attempts, next_attempt_at, give_up_at,
                               last_error, finished_at
                          from webhook_delivery
                         where endpoint_id = :endpoint and (cast(:state as text) is null or state = :state)
                         order by created_at desc, id
                         limit :limit""")
                .param("endpoint", endpointId).param("state", state == null ? null : state.name()).param("limit", limit)
                .query((rs, row) -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    DeliveryState current = DeliveryState.valueOf(rs.getString("state"));
                    return new WebhookDeliveryLog.WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                            rs.getString("event_type"), rs.getTimestamp("occurred_at").toInstant(), current,
                            rs.getInt("attempts"),
                            current == DeliveryState.PENDING ? rs.getTimestamp("next_attempt_at").toInstant() : null,
                            rs.getTimestamp("give_up_at").toInstant(), rs.getString("last_error"),
                            finished == null ? null : finished.toInstant(), List.of());
                })
                .list();
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<UUID, List<WebhookDeliveryLog.WebhookAttempt>> attempts = jdbc.sql("""
                        select delivery_id, attempted_at, status_code, error, latency_ms from webhook_attempt
                         where delivery_id = any (cast(? as uuid[])) order by id""")
                .param(deliveries.stream().map(entry -> entry.id().toString()).toArray(String[]::new))
                .query((rs, row) -> Map.entry(rs.getObject("delivery_id", UUID.class), new WebhookDeliveryLog.WebhookAttempt(
                        rs.getTimestamp("attempted_at").toInstant(), (Integer) rs.getObject("status_code"),
                        rs.getString("error"), rs.getLong("latency_ms"))))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return deliveries.stream().map(entry -> entry.withAttempts(attempts.getOrDefault(entry.id(), List.of()))).toList();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    /** A delivery leased to a sender, with its endpoint's address and sealed secrets. */
    record Claimed(UUID id, UUID eventId, String eventType, String body, int attempts, Instant giveUpAt, String url,
            byte[] secret, byte[] previousSecret, Instant previousSecretUntil, boolean endpointDeleted) {

        List<byte[]> signingSecrets(Instant now) {
            return new Endpoint(null, null, url, List.of(), null, secret, previousSecret, previousSecretUntil, null, null)
                    .signingSecrets(now);
        }
    }
}
