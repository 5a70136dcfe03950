package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalRows;
import com.cardcoupons.relay.outbox.FollowUpAction;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The two steps every payment takes on its critical path, each written as one statement: recording the payment with
 * its full-amount authorization written ahead before that goes out, and its answer before the terminal gets it. Made of
 * Hibernate's reads, inserts, updates and their commit, each took six or seven round trips to PostgreSQL while the
 * terminal waited. The transitions they write are the outbox's rules ({@code FollowUp}), as conditional updates that touch only
 * follow-ups in the state each rule starts from; the answer's statement refuses itself when one of them finds a
 * follow-up in another state (the database function {@code relay_require}).
 */
@Component
class PaymentStatements {

    private static final String RECORD_AHEAD = """
            with payment as (
                insert into payment (id, merchant_id, store_id, terminal_id, terminal_principal, transaction_id,
                                     idempotency_key, correlation_id, request_fingerprint, card_token, card_type, card_brand,
                                     card_last_four, currency, amount_minor, state, received_at, deadline_at)
                values (?::uuid, ?::uuid, ?::uuid, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)
                -- the terminal sent it before, under the same transaction id or idempotency key: nothing is written
                on conflict do nothing
                returning id),
            reversal as (
                insert into settlement_outbox (id, payment_id, action, authorization_id, leg, currency, amount_minor,
                                               state, next_attempt_at, card_acceptor_terminal_id, card_acceptor_id,
                                               original_stan, original_transmitted_at, retrieval_reference, stan)
                select ?::uuid, id, 'REVERSE_AUTHORIZATION', ?::uuid, ?, ?, ?, 'ARMED', ?, ?, ?, ?, ?, ?, ? from payment),
            journal as (
                insert into settlement_journal (%s)
                select * from (values %s) as entry where exists (select from payment))
            select count(*) from payment""";

    private static final String ANSWER = """
            with answered as (
                update payment set state = ?, charged_minor = ?, authorization_code = ?, outcome = cast(? as jsonb),
                                   answered_at = ?
                 where id = ?::uuid and state = 'IN_PROGRESS'
                returning id),
            cancelled as (
                update settlement_outbox f set state = 'CANCELLED', finished_at = ?
                  from answered
                 where f.payment_id = answered.id and f.authorization_id = any(?::uuid[])
                   and f.action = 'REVERSE_AUTHORIZATION' and f.state = 'ARMED'
                returning f.id),
            fired as (
                update settlement_outbox f set state = 'PENDING', next_attempt_at = ?, advice = f.authorization_id = any(?::uuid[])
                  from answered
                 where f.payment_id = answered.id and f.authorization_id = any(?::uuid[]) and f.state = 'ARMED'
                returning f.id),
            coupons as (
                insert into settlement_outbox (id, payment_id, action, reservation_id, state, next_attempt_at)
                select ?::uuid, answered.id, ?, ?::uuid, 'PENDING', ? from answered where ?::uuid is not null
                returning id),
            journal as (
                insert into settlement_journal (%s)
                select * from (values %s) as entry where exists (select from answered))
            select (select count(*) from answered) = 1 as answered,
                   relay_require(not exists (select from answered)
                                 or ((select count(*) from cancelled) = ? and (select count(*) from fired) = ?
                                     and (select count(*) from coupons) = ?),
                                 'a payment is answered only with every follow-up it names armed') as guarded""";

    private final JdbcClient jdbc;
    private final StoredOutcomes outcomes;

    PaymentStatements(JdbcClient jdbc, StoredOutcomes outcomes) {
        this.jdbc = jdbc;
        this.outcomes = outcomes;
    }

    /**
     * Records a payment just received, the reversal of its full-amount authorization {@code authorizationId} armed
     * until its deadline, and its journal {@code entries}, in one commit of its own. False, with nothing written, when
     * its terminal sent a payment under the same transaction id or idempotency key before; a request sending it at
     * the same moment is waited for.
     */
    boolean recordAhead(Payment payment, UUID authorizationId, MessageTrace trace, String reversalStan,
            List<JournalEntry> entries) {
        CallerIdentity terminal = payment.terminal();
        PaymentOutcome.CardOnReceipt card = payment.card();
        Money amount = payment.amount();
        List<Object> parameters = new ArrayList<>(List.of(uuid(payment.id()), uuid(terminal.merchantId()),
                uuid(terminal.storeId()), uuid(terminal.terminalId()), text(terminal.principal()),
                text(payment.transactionId()), text(payment.idempotencyKey()), text(payment.correlationId()),
                text(payment.fingerprint()), text(payment.cardToken()), text(card.type().name()), text(card.brand().name()),
                text(card.lastFour()), text(amount.currency().getCurrencyCode()), minor(amount.amountMinor()),
                instant(payment.receivedAt()), instant(payment.deadline()),
                uuid(UUID.randomUUID()), uuid(authorizationId), text(AuthorizationLeg.FULL_AMOUNT.name()),
                text(amount.currency().getCurrencyCode()), minor(amount.amountMinor()), instant(payment.deadline()),
                text(trace.terminal()), text(trace.merchant()), text(trace.stan()), instant(trace.transmittedAt()),
                text(trace.retrievalReference()), text(reversalStan)));
        JournalRows.bind(entries, parameters);
        long recorded = jdbc.sql(RECORD_AHEAD.formatted(JournalRows.COLUMNS, JournalRows.placeholders(entries.size())))
                .params(parameters).query(Long.class).single();
        return recorded == 1;
    }

    /**
     * Answers a payment still in progress as {@code settlement} decided, in one commit of its own: the answer, the
     * reversals of the standing and the declined authorizations cancelled, the others fired, held coupons confirmed
     * or released, and the journal {@code entries}. False, with nothing written, when the payment is no longer in
     * progress. Refused whole when a follow-up it names is not armed: every authorization sent had its reversal
     * armed, and only the payment's answer or its abandonment decides them.
     *
     * @throws org.springframework.dao.DataAccessException when refused
     */
    boolean answer(Payment payment, Settlement settlement, List<JournalEntry> entries, Instant now) {
        PaymentOutcome outcome = settlement.outcome();
        List<String> cancel = new ArrayList<>();
        if (settlement.standing() != null) {
            cancel.add(settlement.standing().authorizationId().toString());
        }
        settlement.declined().forEach(declined -> cancel.add(declined.authorizationId().toString()));
        List<String> fire = settlement.toReverse().stream().map(sent -> sent.authorizationId().toString()).toList();
        List<String> advise = settlement.toReverse().stream().filter(SentAuthorization::unanswered)
                .map(sent -> sent.authorizationId().toString()).toList();
        FollowUpAction coupons = settlement.confirmCoupons() ? FollowUpAction.CONFIRM_COUPONS : FollowUpAction.RELEASE_COUPONS;
        List<Object> parameters = new ArrayList<>(List.of(text(PaymentState.of(outcome.result()).name()),
                minor(outcome.chargedAmount().amountMinor()), text(outcome.authorizationCode()),
                text(outcomes.convertToDatabaseColumn(outcome)), instant(outcome.answeredAt()), uuid(payment.id()),
                instant(now), uuids(cancel),
                instant(now), uuids(advise), uuids(fire),
                uuid(UUID.randomUUID()), text(coupons.name()), uuid(settlement.reservationId()), instant(now),
                uuid(settlement.reservationId())));
        JournalRows.bind(entries, parameters);
        parameters.addAll(List.of(count(cancel.size()), count(fire.size()), count(settlement.reservationId() == null ? 0 : 1)));
        return jdbc.sql(ANSWER.formatted(JournalRows.COLUMNS, JournalRows.placeholders(entries.size())))
                .params(parameters)
                .query((row, number) -> row.getBoolean("answered"))
                .single();
    }

    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }

    private static SqlParameterValue uuids(List<String> values) {
        return new SqlParameterValue(Types.ARRAY, values.toArray(String[]::new));
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
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value.atOffset(ZoneOffset.UTC));
    }
}
