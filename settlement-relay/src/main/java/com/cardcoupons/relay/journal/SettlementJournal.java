package com.cardcoupons.relay.journal;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.ledger.Ledger;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The append-only journal in the database; entries written inside a ledger transaction commit with it. */
@Component
public class SettlementJournal {

    private final Ledger ledger;

    SettlementJournal(Ledger ledger) {
        this.ledger = ledger;
    }

    public void record(JournalEntry entry) {
        ledger.jdbc().sql("""
                        insert into settlement_journal (payment_id, step, authorization_id, leg, currency, amount_minor,
                                                        authorization_code, response_code, reservation_id, coupon_codes, detail)
                        values (:payment, :step, :authorization, :leg, :currency, :amount, :code, :response, :reservation,
                                :coupons, :detail)""")
                .param("payment", entry.paymentId())
                .param("step", entry.step().name())
                .param("authorization", entry.authorizationId())
                .param("leg", entry.leg() == null ? null : entry.leg().name())
                .param("currency", entry.amount() == null ? null : entry.amount().currency().getCurrencyCode())
                .param("amount", entry.amount() == null ? null : entry.amount().amountMinor())
                .param("code", entry.authorizationCode())
                .param("response", entry.responseCode())
                .param("reservation", entry.reservationId())
                .param("coupons", entry.couponCodes().isEmpty() ? null : entry.couponCodes().toArray(String[]::new))
                .param("detail", entry.detail())
                .update();
    }

    public List<JournalEntry> of(UUID paymentId) {
        return ledger.jdbc().sql("""
                        select id, occurred_at, payment_id, step, authorization_id, leg, currency, amount_minor,
                               authorization_code, response_code, reservation_id, coupon_codes, detail
                          from settlement_journal where payment_id = ? order by id""")
                .param(paymentId)
                .query((row, number) -> read(row))
                .list();
    }

    private static JournalEntry read(ResultSet row) throws SQLException {
        String currency = row.getString("currency");
        String leg = row.getString("leg");
        Array coupons = row.getArray("coupon_codes");
        return new JournalEntry(
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getObject("payment_id", UUID.class),
                JournalStep.valueOf(row.getString("step")),
                row.getObject("authorization_id", UUID.class),
                leg == null ? null : AuthorizationLeg.valueOf(leg),
                currency == null ? null : Money.of(row.getLong("amount_minor"), currency),
                row.getString("authorization_code"),
                row.getString("response_code"),
                row.getObject("reservation_id", UUID.class),
                coupons == null ? List.of() : Arrays.asList((String[]) coupons.getArray()),
                row.getString("detail"));
    }
}
