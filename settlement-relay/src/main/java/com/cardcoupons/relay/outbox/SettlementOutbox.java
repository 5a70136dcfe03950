package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.ledger.Ledger;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The follow-ups in the database. A reversal is armed before its authorization is sent and a release right after
 * its coupons are held; the payment's answer then fires, keeps or turns them. Sending takes due rows with
 * {@code for update skip locked} under a lease, so two relays never send the same follow-up at once, and one that
 * died while sending leaves it to be sent again when the lease runs out.
 */
@Component
public class SettlementOutbox {

    private final Ledger ledger;

    SettlementOutbox(Ledger ledger) {
        this.ledger = ledger;
    }

    /** Arms the reversal of an authorization about to be sent: it fires at {@code deadline} unless the payment decides first. */
    public void armReversal(UUID paymentId, UUID authorizationId, AuthorizationLeg leg, Money amount, Instant deadline) {
        ledger.jdbc().sql("""
                        insert into settlement_outbox (id, payment_id, action, authorization_id, leg, currency, amount_minor,
                                                       state, next_attempt_at)
                        values (?, ?, 'REVERSE_AUTHORIZATION', ?, ?, ?, ?, 'ARMED', ?)""")
                .params(UUID.randomUUID(), paymentId, authorizationId, leg.name(),
                        amount.currency().getCurrencyCode(), amount.amountMinor(), Timestamp.from(deadline))
                .update();
    }

    /** Arms the release of held coupons; {@code armed=false} makes it due at once, for a payment already decided. */
    public void armCouponRelease(UUID paymentId, UUID reservationId, boolean armed, Instant deadline) {
        ledger.jdbc().sql("""
                        insert into settlement_outbox (id, payment_id, action, reservation_id, state, next_attempt_at)
                        values (?, ?, 'RELEASE_COUPONS', ?, ?, ?)
                        on conflict (reservation_id) do nothing""")
                .params(UUID.randomUUID(), paymentId, reservationId, armed ? "ARMED" : "PENDING",
                        Timestamp.from(armed ? deadline : Instant.now()))
                .update();
    }

    /** The authorization stands, or was declined: its armed reversal is not needed. False if it was not armed any more. */
    public boolean cancelReversal(UUID authorizationId) {
        return ledger.jdbc().sql("""
                        update settlement_outbox set state = 'CANCELLED', finished_at = now()
                         where authorization_id = ? and state = 'ARMED'""")
                .param(authorizationId)
                .update() == 1;
    }

    /** The authorization must be undone: its reversal is due now. */
    public boolean fireReversal(UUID authorizationId) {
        return ledger.jdbc().sql("""
                        update settlement_outbox set state = 'PENDING', next_attempt_at = now()
                         where authorization_id = ? and state = 'ARMED'""")
                .param(authorizationId)
                .update() == 1;
    }

    /** The held coupons are to be confirmed (the discount was charged) or released; due now. */
    public boolean settleCoupons(UUID reservationId, boolean confirm) {
        return ledger.jdbc().sql("""
                        update settlement_outbox set action = ?, state = 'PENDING', next_attempt_at = now()
                         where reservation_id = ? and state = 'ARMED'""")
                .params(confirm ? "CONFIRM_COUPONS" : "RELEASE_COUPONS", reservationId)
                .update() == 1;
    }

    /** A payment abandoned mid-flow: everything it armed fires with its safe default, reversal or release. */
    public List<FollowUp> fireAllArmed(UUID paymentId) {
        return ledger.jdbc().sql("""
                        update settlement_outbox o set state = 'PENDING', next_attempt_at = now()
                          from payment p
                         where o.payment_id = ? and o.state = 'ARMED' and p.id = o.payment_id
                        returning o.id, o.payment_id, o.action, o.authorization_id, o.leg, o.currency, o.amount_minor,
                                  o.reservation_id, o.attempts, p.terminal_principal, p.merchant_id, p.store_id, p.terminal_id""")
                .param(paymentId)
                .query((row, number) -> read(row))
                .list();
    }

    /**
     * Takes up to {@code limit} due follow-ups, of one payment or of any, and leases them to the caller: their next
     * attempt moves past the lease, and their attempt count goes up.
     */
    public List<FollowUp> claimDue(int limit, Duration lease, UUID onlyPayment) {
        return ledger.jdbc().sql("""
                        with due as (
                            select id from settlement_outbox
                             where state = 'PENDING' and next_attempt_at <= now()
                               and (cast(:payment as uuid) is null or payment_id = cast(:payment as uuid))
                             order by next_attempt_at
                             limit :limit
                               for update skip locked)
                        update settlement_outbox o
                           set next_attempt_at = now() + make_interval(secs => :lease), attempts = o.attempts + 1
                          from due, payment p
                         where o.id = due.id and p.id = o.payment_id
                        returning o.id, o.payment_id, o.action, o.authorization_id, o.leg, o.currency, o.amount_minor,
                                  o.reservation_id, o.attempts, p.terminal_principal, p.merchant_id, p.store_id, p.terminal_id""")
                .param("payment", onlyPayment)
                .param("limit", limit)
                .param("lease", (double) lease.toMillis() / 1000)
                .query((row, number) -> read(row))
                .list();
    }

    public void done(UUID followUpId) {
        finish(followUpId, "DONE", null);
    }

    /** Refused for good: left for a person, with the reason. */
    public void failed(UUID followUpId, String error) {
        finish(followUpId, "FAILED", error);
    }

    public void retryAt(UUID followUpId, Instant next, String error) {
        ledger.jdbc().sql("update settlement_outbox set next_attempt_at = ?, last_error = ? where id = ? and state = 'PENDING'")
                .params(Timestamp.from(next), truncate(error), followUpId)
                .update();
    }

    /** Follow-ups of a payment not yet acknowledged: armed or pending. */
    public long unfinished(UUID paymentId) {
        return ledger.jdbc().sql("select count(*) from settlement_outbox where payment_id = ? and state in ('ARMED', 'PENDING')")
                .param(paymentId)
                .query(Long.class)
                .single();
    }

    private void finish(UUID followUpId, String state, String error) {
        ledger.jdbc().sql("""
                        update settlement_outbox set state = ?, last_error = ?, finished_at = now()
                         where id = ? and state = 'PENDING'""")
                .params(state, truncate(error), followUpId)
                .update();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    /** Reads a follow-up row joined with its payment's terminal. */
    private static FollowUp read(ResultSet row) throws SQLException {
        String leg = row.getString("leg");
        String currency = row.getString("currency");
        return new FollowUp(
                row.getObject("id", UUID.class),
                row.getObject("payment_id", UUID.class),
                FollowUpAction.valueOf(row.getString("action")),
                row.getObject("authorization_id", UUID.class),
                leg == null ? null : AuthorizationLeg.valueOf(leg),
                currency == null ? null : Money.of(row.getLong("amount_minor"), currency),
                row.getObject("reservation_id", UUID.class),
                row.getInt("attempts"),
                CallerIdentity.terminal(row.getString("terminal_principal"), row.getObject("merchant_id", UUID.class),
                        row.getObject("store_id", UUID.class), row.getObject("terminal_id", UUID.class)));
    }
}
