package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalRows;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpRows;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every payment, read and written with plain SQL: the one way the {@link Payment} aggregate is persisted. A change is
 * decided by the payment; {@link #save} writes it only where the row still holds what the payment was read as (its
 * state and its late coupon's), so a change that lost a race fails instead of overwriting the winner. The two steps on
 * every payment's critical path are one statement each, writing what the payment and its follow-ups decided with the
 * step's journal entries: {@link #record}, and {@link #answer}, which is {@link #save} with the moves of the payment's
 * follow-ups. Made of separate statements, each took six or seven round trips to PostgreSQL while the terminal waited.
 * No transaction of its own: a write runs in its caller's, or commits by itself.
 */
@Repository
class Payments {

    private static final String PAYMENT = """
            select id, merchant_id, store_id, terminal_id, terminal_principal, transaction_id, idempotency_key,
                   correlation_id, request_fingerprint, card_token, card_type, card_brand, card_last_four, currency,
                   amount_minor, state, charged_minor, authorization_code, outcome, late_coupon, received_at, deadline_at,
                   answered_at
              from payment""";

    /** What {@link #save} writes: the payment's answer and late coupon, where it still is as it was read. */
    private static final String SAVE = """
            update payment set state = ?, charged_minor = ?, authorization_code = ?,
                               outcome = coalesce(cast(? as jsonb), outcome), late_coupon = cast(? as jsonb), answered_at = ?
             where id = ?::uuid and state = ? and (late_coupon ->> 'status') is not distinct from ?""";

    private static final String RECORD = """
            with payment as (
                insert into payment (id, merchant_id, store_id, terminal_id, terminal_principal, transaction_id,
                                     idempotency_key, correlation_id, request_fingerprint, card_token, card_type, card_brand,
                                     card_last_four, currency, amount_minor, state, received_at, deadline_at)
                values (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                -- the terminal sent it before, under the same transaction id or idempotency key: nothing is written
                on conflict do nothing
                returning id),
            follow_ups as (
                insert into settlement_outbox (%s)
                select * from (values %s) as follow_up where exists (select from payment)),
            journal as (
                insert into settlement_journal (%s)
                select * from (values %s) as entry where exists (select from payment))
            select count(*) from payment""";

    private static final String ANSWER = """
            with answered as (
                %s
                returning id),
            moved as (%s),
            added as (%s),
            journal as (
                insert into settlement_journal (%s)
                select * from (values %s) as entry where exists (select from answered))
            select (select count(*) from answered) = 1 as answered,
                   relay_require(not exists (select from answered)
                                 or ((select count(*) from moved) = ? and (select count(*) from added) = ?),
                                 'a payment is answered only with every follow-up it names armed') as guarded""";

    private static final String MOVED = """
            update settlement_outbox f set %s
              from answered, (values %s) as m (%s)
             where f.id = m.id and f.payment_id = answered.id and f.state = m.expected
            returning f.id""";

    private static final String ADDED = """
            insert into settlement_outbox (%s)
            select * from (values %s) as follow_up where exists (select from answered)
            returning id""";

    private static final String NONE = "select null::uuid as id where false";

    private final JdbcClient jdbc;
    private final StoredOutcomes stored;

    Payments(JdbcClient jdbc, StoredOutcomes stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    Optional<Payment> find(UUID id) {
        return jdbc.sql(PAYMENT + " where id = ?").param(uuid(id)).query(this::payment).optional();
    }

    Optional<Payment> findByTransaction(UUID terminalId, String transactionId) {
        return jdbc.sql(PAYMENT + " where terminal_id = ? and transaction_id = ?")
                .params(uuid(terminalId), text(transactionId)).query(this::payment).optional();
    }

    /** The payments a request could repeat: its terminal's under the same idempotency key or transaction id. */
    List<Payment> findRepeated(UUID terminalId, String idempotencyKey, String transactionId) {
        return jdbc.sql(PAYMENT + " where terminal_id = ? and (idempotency_key = ? or transaction_id = ?)")
                .params(uuid(terminalId), text(idempotencyKey), text(transactionId)).query(this::payment).list();
    }

    /**
     * Reads the payment and shares its row lock until the transaction ends: it cannot be abandoned meanwhile, and
     * other steps of the same payment are not held up.
     */
    Optional<Payment> lockShared(UUID id) {
        return jdbc.sql(PAYMENT + " where id = ? for share").param(uuid(id)).query(this::payment).optional();
    }

    /**
     * Reads the payment and locks its row until the transaction ends, with the lock an update of it takes ({@code for
     * no key update}): it waits for other steps that change or share-lock the payment, never for the foreign-key checks
     * of journal entries and follow-ups being written for it, whose writers may hold a follow-up's row.
     */
    Optional<Payment> lock(UUID id) {
        return jdbc.sql(PAYMENT + " where id = ? for no key update").param(uuid(id)).query(this::payment).optional();
    }

    /**
     * Payments still in progress past their deadline, locked as by {@link #lock}; those another transaction holds are
     * left for later.
     */
    List<Payment> lockOverdue(Instant now, int limit) {
        return jdbc.sql(PAYMENT + " where state = 'IN_PROGRESS' and deadline_at < ? order by deadline_at limit ?"
                        + " for no key update skip locked")
                .params(instant(now), limit).query(this::payment).list();
    }

    /**
     * Records a payment just received, with the follow-ups it arms before anything is sent (the reversal of its
     * full-amount authorization) and its journal {@code entries}, in one statement that commits by itself. False,
     * with nothing written, when its terminal sent a payment under the same transaction id or idempotency key before;
     * a request sending it at the same moment is waited for.
     */
    boolean record(Payment payment, List<FollowUp> armed, List<JournalEntry> entries) {
        PaymentOutcome.CardOnReceipt card = payment.card();
        List<Object> parameters = new ArrayList<>(List.of(uuid(payment.id()), uuid(payment.merchantId()),
                uuid(payment.terminal().storeId()), uuid(payment.terminalId()), text(payment.terminal().principal()),
                text(payment.transactionId()), text(payment.idempotencyKey()), text(payment.correlationId()),
                text(payment.fingerprint()), text(payment.cardToken()), text(card.type().name()), text(card.brand().name()),
                text(card.lastFour()), text(payment.amount().currency().getCurrencyCode()),
                minor(payment.amount().amountMinor()), text(payment.state().name()), instant(payment.receivedAt()),
                instant(payment.deadline())));
        FollowUpRows.bind(armed, parameters);
        JournalRows.bind(entries, parameters);
        long recorded = jdbc.sql(RECORD.formatted(FollowUpRows.COLUMNS, FollowUpRows.rows(armed.size()), JournalRows.COLUMNS,
                        JournalRows.placeholders(entries.size())))
                .params(parameters).query(Long.class).single();
        if (recorded == 1) {
            payment.recorded();
            FollowUpRows.recorded(armed);
        }
        return recorded == 1;
    }

    /**
     * Writes what the payment decided since it was read, where its row still holds what it was read as.
     *
     * @throws OptimisticLockingFailureException when the payment changed meanwhile; nothing is written
     */
    void save(Payment payment) {
        List<Object> parameters = new ArrayList<>();
        bindSave(payment, parameters);
        if (jdbc.sql(SAVE).params(parameters).update() != 1) {
            throw new OptimisticLockingFailureException("payment " + payment.id() + " changed since it was read");
        }
        payment.recorded();
    }

    /**
     * Writes the answer the payment decided, with the moves its follow-ups made on it ({@code moved}), the follow-ups
     * it adds ({@code added}) and the journal {@code entries}, in one statement that commits by itself. False, with
     * nothing written, when the payment was no longer as it was read (it was abandoned meanwhile). Refused whole when
     * a follow-up it moves is no longer as it was read: only the payment's answer or its abandonment decides them.
     *
     * @throws org.springframework.dao.DataAccessException when refused
     */
    boolean answer(Payment payment, List<FollowUp> moved, List<FollowUp> added, List<JournalEntry> entries) {
        List<Object> parameters = new ArrayList<>();
        bindSave(payment, parameters);
        FollowUpRows.bindMoves(moved, parameters);
        FollowUpRows.bind(added, parameters);
        JournalRows.bind(entries, parameters);
        parameters.add(count(moved.size()));
        parameters.add(count(added.size()));
        String statement = ANSWER.formatted(SAVE,
                moved.isEmpty() ? NONE : MOVED.formatted(FollowUpRows.MOVE, FollowUpRows.moves(moved.size()),
                        FollowUpRows.MOVE_COLUMNS),
                added.isEmpty() ? NONE : ADDED.formatted(FollowUpRows.COLUMNS, FollowUpRows.rows(added.size())),
                JournalRows.COLUMNS, JournalRows.placeholders(entries.size()));
        boolean answered = jdbc.sql(statement).params(parameters).query((row, number) -> row.getBoolean("answered")).single();
        if (answered) {
            payment.recorded();
            FollowUpRows.recorded(moved);
            FollowUpRows.recorded(added);
        }
        return answered;
    }

    private void bindSave(Payment payment, List<Object> parameters) {
        if (payment.recordedState() == null) {
            throw new IllegalArgumentException("payment " + payment.id() + " was never stored");
        }
        parameters.add(text(payment.state().name()));
        parameters.add(new SqlParameterValue(Types.BIGINT, payment.chargedMinor()));
        parameters.add(text(payment.authorizationCode()));
        // the answer is given once: written when it is, and left as stored (with any field of an earlier version) after
        parameters.add(text(payment.recordedState() == PaymentState.IN_PROGRESS ? stored.write(payment.answer()) : null));
        parameters.add(text(stored.write(payment.lateCoupon())));
        parameters.add(instant(payment.answeredAt()));
        parameters.add(uuid(payment.id()));
        parameters.add(text(payment.recordedState().name()));
        parameters.add(text(payment.recordedLateCoupon() == null ? null : payment.recordedLateCoupon().name()));
    }

    private Payment payment(ResultSet row, int number) throws SQLException {
        return Payment.restore(row.getObject("id", UUID.class), row.getObject("merchant_id", UUID.class),
                row.getObject("store_id", UUID.class), row.getObject("terminal_id", UUID.class),
                row.getString("terminal_principal"), row.getString("transaction_id"), row.getString("idempotency_key"),
                row.getString("correlation_id"), row.getString("request_fingerprint"), row.getString("card_token"),
                MediumType.valueOf(row.getString("card_type")), CardBrand.valueOf(row.getString("card_brand")),
                row.getString("card_last_four"), Currency.getInstance(row.getString("currency")),
                row.getLong("amount_minor"), PaymentState.valueOf(row.getString("state")),
                row.getObject("charged_minor", Long.class), row.getString("authorization_code"),
                stored.outcome(row.getString("outcome")), stored.lateCoupon(row.getString("late_coupon")),
                instant(row, "received_at"), instant(row, "deadline_at"), instant(row, "answered_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }

    private static SqlParameterValue text(String value) {
        return JournalRows.text(value);
    }

    private static SqlParameterValue count(int value) {
        return new SqlParameterValue(Types.BIGINT, (long) value);
    }

    private static SqlParameterValue minor(long value) {
        return new SqlParameterValue(Types.BIGINT, value);
    }

    private static SqlParameterValue instant(Instant value) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }
}
