package com.cardcoupons.relay.outbox;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-ups in the database, read and written with plain SQL: the one way the {@link FollowUp} aggregate is
 * persisted, with the payment's statements that add and move a payment's follow-ups with its own step through
 * {@link FollowUpRows}. A save writes the moves its follow-ups made, each only where the row is still in the state the
 * move started from; a follow-up moved meanwhile fails the save, which writes nothing. Sending takes due ones with
 * {@code for update skip locked} under a lease, so two relays never send the same follow-up at once, and one that died
 * while sending leaves it to be sent again when the lease runs out. No transaction of its own: a write runs in its
 * caller's.
 */
@Repository
public class SettlementOutbox {

    private static final String FOLLOW_UP = """
            select id, payment_id, action, authorization_id, leg, reservation_id, currency, amount_minor,
                   card_acceptor_terminal_id, card_acceptor_id, original_stan, original_transmitted_at, retrieval_reference,
                   stan, replacement_minor, advice, state, attempts, next_attempt_at, last_error, finished_at
              from settlement_outbox""";

    /**
     * Leases due follow-ups: their next attempt moves past the lease and their attempt count goes up; their state does
     * not change, so a lease is no move of theirs. Read with their payments' origins.
     */
    private static final String CLAIM = """
            with due as (
                select id from settlement_outbox
                 where state = 'PENDING' and next_attempt_at <= now()
                   and (?::uuid is null or payment_id = ?::uuid)
                 order by next_attempt_at
                 limit ?
                   for update skip locked),
            leased as (
                update settlement_outbox o
                   set next_attempt_at = now() + make_interval(secs => ?), attempts = o.attempts + 1
                  from due
                 where o.id = due.id
                returning o.*)
            select leased.*, p.terminal_principal, p.merchant_id, p.store_id, p.terminal_id, p.correlation_id
              from leased join payment p on p.id = leased.payment_id
             order by leased.next_attempt_at, leased.id""";

    private final JdbcClient jdbc;

    SettlementOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds new follow-ups. */
    public void add(List<FollowUp> added) {
        if (added.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        FollowUpRows.bind(added, parameters);
        jdbc.sql("insert into settlement_outbox (" + FollowUpRows.COLUMNS + ") values " + FollowUpRows.rows(added.size()))
                .params(parameters).update();
        FollowUpRows.recorded(added);
    }

    public void add(FollowUp added) {
        add(List.of(added));
    }

    /**
     * Writes the moves the follow-ups made, each only where its row is still in the state it was read in.
     *
     * @throws OptimisticLockingFailureException when one was moved meanwhile; the caller's transaction then writes
     *                                           nothing
     */
    public void save(List<FollowUp> moved) {
        if (moved.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        FollowUpRows.bindMoves(moved, parameters);
        int saved = jdbc.sql("update settlement_outbox f set " + FollowUpRows.MOVE + " from (values "
                        + FollowUpRows.moves(moved.size()) + ") as m (" + FollowUpRows.MOVE_COLUMNS + ")"
                        + " where f.id = m.id and f.state = m.expected")
                .params(parameters).update();
        if (saved != moved.size()) {
            throw new OptimisticLockingFailureException("of " + moved.size() + " follow-ups moved, " + (moved.size() - saved)
                    + " had been moved meanwhile");
        }
        FollowUpRows.recorded(moved);
    }

    public void save(FollowUp moved) {
        save(List.of(moved));
    }

    /** A payment's follow-ups in one state, in the order they were written. */
    public List<FollowUp> ofPayment(UUID paymentId, FollowUpState state) {
        return jdbc.sql(FOLLOW_UP + " where payment_id = ? and state = ? order by created_at, id")
                .params(uuid(paymentId), state.name()).query((row, number) -> followUp(row, null)).list();
    }

    /** How many of a payment's follow-ups are in one of {@code states}. */
    public long countOfPayment(UUID paymentId, Collection<FollowUpState> states) {
        return jdbc.sql("select count(*) from settlement_outbox where payment_id = ? and state = any(?::text[])")
                .params(uuid(paymentId), new SqlParameterValue(Types.ARRAY,
                        states.stream().map(Enum::name).toArray(String[]::new)))
                .query(Long.class).single();
    }

    /** A follow-up to finish, locked until the transaction ends. */
    public Optional<FollowUp> lock(UUID id) {
        return jdbc.sql(FOLLOW_UP + " where id = ? for update").param(uuid(id))
                .query((row, number) -> followUp(row, null)).optional();
    }

    /**
     * Takes up to {@code limit} due follow-ups, of one payment or of any, and leases them to the caller: their next
     * attempt moves past the lease, and their attempt count goes up. Returned with their payments' origins.
     */
    public List<FollowUp> claimDue(int limit, Duration lease, UUID onlyPayment) {
        return jdbc.sql(CLAIM)
                .params(uuid(onlyPayment), uuid(onlyPayment), limit, lease.toMillis() / 1000.0)
                .query((row, number) -> followUp(row, new PaymentOrigin(CallerIdentity.terminal(
                        row.getString("terminal_principal"), row.getObject("merchant_id", UUID.class),
                        row.getObject("store_id", UUID.class), row.getObject("terminal_id", UUID.class)),
                        row.getString("correlation_id"))))
                .list();
    }

    private static FollowUp followUp(ResultSet row, PaymentOrigin origin) throws SQLException {
        String leg = row.getString("leg");
        String currency = row.getString("currency");
        return FollowUp.restore(row.getObject("id", UUID.class), row.getObject("payment_id", UUID.class), origin,
                FollowUpAction.valueOf(row.getString("action")), row.getObject("authorization_id", UUID.class),
                leg == null ? null : AuthorizationLeg.valueOf(leg), row.getObject("reservation_id", UUID.class),
                currency == null ? null : Currency.getInstance(currency), row.getObject("amount_minor", Long.class),
                row.getString("card_acceptor_terminal_id"), row.getString("card_acceptor_id"), row.getString("original_stan"),
                instant(row, "original_transmitted_at"), row.getString("retrieval_reference"), row.getString("stan"),
                row.getObject("replacement_minor", Long.class), row.getBoolean("advice"),
                FollowUpState.valueOf(row.getString("state")), row.getInt("attempts"), instant(row, "next_attempt_at"),
                row.getString("last_error"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static SqlParameterValue uuid(UUID value) {
        return new SqlParameterValue(Types.OTHER, value);
    }
}
