package com.cardcoupons.relay.outbox;

import org.springframework.jdbc.core.SqlParameterValue;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * Follow-ups as the rows of {@code settlement_outbox}, for {@link SettlementOutbox} and for the payment's statements
 * that write its follow-ups with its own step: new ones as the rows of a multi-row insert, and the moves their
 * {@link FollowUp} made as the rows of an update that applies each only to a row still in the state the move started
 * from. Nothing here decides a state; it writes what the follow-ups decided.
 */
public final class FollowUpRows {

    /** The columns a new follow-up fills, in the order of its values. */
    public static final String COLUMNS = """
            id, payment_id, action, authorization_id, leg, reservation_id, currency, amount_minor, state, next_attempt_at,
            advice, card_acceptor_terminal_id, card_acceptor_id, original_stan, original_transmitted_at, retrieval_reference,
            stan, replacement_minor""";

    /** The columns of a move's row: the follow-up, the state it expects to find, and what it changes. */
    public static final String MOVE_COLUMNS = "id, expected, action, state, next_attempt_at, advice, last_error, finished_at";

    /** The assignments that apply a move's row {@code m} to the follow-up's row. */
    public static final String MOVE = """
            action = m.action, state = m.state, next_attempt_at = m.next_attempt_at, advice = m.advice,
            last_error = m.last_error, finished_at = m.finished_at""";

    private static final String ROW = """
            (?::uuid, ?::uuid, ?, ?::uuid, ?, ?::uuid, ?, ?::bigint, ?, ?::timestamptz, ?::boolean, ?, ?, ?, ?::timestamptz, \
            ?, ?, ?::bigint)""";
    private static final String MOVE_ROW = "(?::uuid, ?, ?, ?, ?::timestamptz, ?::boolean, ?, ?::timestamptz)";

    private FollowUpRows() {
    }

    /** The placeholders of {@code count} new follow-ups, for a {@code values} list. */
    public static String rows(int count) {
        return String.join(", ", Collections.nCopies(count, ROW));
    }

    /** The placeholders of {@code count} moves, for a {@code values} list named with {@link #MOVE_COLUMNS}. */
    public static String moves(int count) {
        return String.join(", ", Collections.nCopies(count, MOVE_ROW));
    }

    /** Adds the values of new follow-ups, in the order of {@link #COLUMNS}. */
    public static void bind(List<FollowUp> added, List<Object> parameters) {
        for (FollowUp followUp : added) {
            if (followUp.recordedState() != null) {
                throw new IllegalArgumentException("follow-up " + followUp.id() + " is stored already");
            }
            parameters.add(uuid(followUp.id()));
            parameters.add(uuid(followUp.paymentId()));
            parameters.add(text(followUp.action().name()));
            parameters.add(uuid(followUp.authorizationId()));
            parameters.add(text(followUp.leg() == null ? null : followUp.leg().name()));
            parameters.add(uuid(followUp.reservationId()));
            parameters.add(text(followUp.currency() == null ? null : followUp.currency().getCurrencyCode()));
            parameters.add(new SqlParameterValue(Types.BIGINT, followUp.amountMinor()));
            parameters.add(text(followUp.state().name()));
            parameters.add(instant(followUp.nextAttemptAt()));
            parameters.add(new SqlParameterValue(Types.BOOLEAN, followUp.advice()));
            parameters.add(text(followUp.cardAcceptorTerminalId()));
            parameters.add(text(followUp.cardAcceptorId()));
            parameters.add(text(followUp.originalStan()));
            parameters.add(instant(followUp.originalTransmittedAt()));
            parameters.add(text(followUp.retrievalReference()));
            parameters.add(text(followUp.stan()));
            parameters.add(new SqlParameterValue(Types.BIGINT, followUp.replacementMinor()));
        }
    }

    /** Adds the moves of stored follow-ups, in the order of {@link #MOVE_COLUMNS}: each expects its recorded state. */
    public static void bindMoves(List<FollowUp> moved, List<Object> parameters) {
        for (FollowUp followUp : moved) {
            if (followUp.recordedState() == null) {
                throw new IllegalArgumentException("follow-up " + followUp.id() + " was never stored");
            }
            parameters.add(uuid(followUp.id()));
            parameters.add(text(followUp.recordedState().name()));
            parameters.add(text(followUp.action().name()));
            parameters.add(text(followUp.state().name()));
            parameters.add(instant(followUp.nextAttemptAt()));
            parameters.add(new SqlParameterValue(Types.BOOLEAN, followUp.advice()));
            parameters.add(text(followUp.lastError()));
            parameters.add(instant(followUp.finishedAt()));
        }
    }

    /** The follow-ups were written as they stand, by a statement that wrote every one of them. */
    public static void recorded(List<FollowUp> written) {
        written.forEach(FollowUp::recorded);
    }

    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    private static SqlParameterValue instant(Instant value) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value == null ? null : value.atOffset(ZoneOffset.UTC));
    }
}
