package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.ledger.Ledger;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpAction;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The payments in the database, with the journal entries and follow-ups that go with each step, written in one
 * commit per step. Steps that could race an abandonment take the payment row's lock first, in the same order
 * everywhere (payment, then outbox), so a payment is either answered by its flow or abandoned, never both.
 */
@Component
class Payments {

    private final Ledger ledger;
    private final SettlementJournal journal;
    private final SettlementOutbox outbox;
    private final JsonMapper jsonMapper;
    private final JsonMapper storedAnswers;

    Payments(Ledger ledger, SettlementJournal journal, SettlementOutbox outbox, JsonMapper jsonMapper) {
        this.ledger = ledger;
        this.journal = journal;
        this.outbox = outbox;
        this.jsonMapper = jsonMapper;
        // an answer stored by an earlier version, with a field since dropped, must still be replayed
        this.storedAnswers = jsonMapper.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    /**
     * Records a payment just received; or, when the terminal already sent this transaction, gives what became of it.
     *
     * @throws PaymentInProgress   when the same payment is still being paid, by another request
     * @throws TransactionIdReused when the transaction id was used for a different payment
     */
    Optional<PaymentOutcome> begin(Payment payment) {
        return ledger.inTransaction(() -> {
            int inserted = ledger.jdbc().sql("""
                            insert into payment (id, merchant_id, store_id, terminal_id, terminal_principal, transaction_id,
                                                 request_fingerprint, card_token, card_type, card_brand, card_last_four,
                                                 currency, amount_minor, state, received_at, deadline_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IN_PROGRESS', ?, ?)
                            on conflict (terminal_id, transaction_id) do nothing""")
                    .params(payment.id(), payment.terminal().merchantId(), payment.terminal().storeId(),
                            payment.terminal().terminalId(), payment.terminal().principal(), payment.transactionId(),
                            payment.fingerprint(), payment.card().token().value(), payment.card().type().name(),
                            payment.card().brand().name(), payment.card().lastFour(),
                            payment.amount().currency().getCurrencyCode(), payment.amount().amountMinor(),
                            Timestamp.from(payment.receivedAt()), Timestamp.from(payment.deadline()))
                    .update();
            if (inserted == 1) {
                journal.record(JournalEntry.payment(payment.id(), JournalStep.PAYMENT_RECEIVED, payment.amount(),
                        "transaction " + payment.transactionId() + ", " + payment.card().brand() + " "
                                + payment.card().type() + " ****" + payment.card().lastFour()));
                return Optional.empty();
            }
            StoredPayment earlier = findByTransaction(payment.terminal().terminalId(), payment.transactionId()).orElseThrow();
            if (!earlier.fingerprint().equals(payment.fingerprint())) {
                throw new TransactionIdReused();
            }
            if (earlier.outcome() == null) {
                throw new PaymentInProgress();
            }
            return Optional.of(earlier.outcome());
        });
    }

    /**
     * Writes ahead of an authorization: its reversal, armed, and its journal entry. False when the payment was
     * abandoned meanwhile, in which case the authorization must not be sent.
     */
    boolean prepareAuthorization(Payment payment, UUID authorizationId, AuthorizationLeg leg, Money amount) {
        return ledger.inTransaction(() -> {
            if (!lockedInProgress(payment.id())) {
                return false;
            }
            outbox.armReversal(payment.id(), authorizationId, leg, amount, payment.deadline());
            journal.record(JournalEntry.authorization(payment.id(), JournalStep.AUTHORIZATION_SENT, authorizationId, leg,
                    amount, null, null, null));
            return true;
        });
    }

    /** Records held coupons with their release armed; false when the payment was abandoned meanwhile (released at once). */
    boolean couponsHeld(Payment payment, CouponHold.Held held) {
        return ledger.inTransaction(() -> {
            boolean inProgress = lockedInProgress(payment.id());
            outbox.armCouponRelease(payment.id(), held.reservationId(), inProgress, payment.deadline());
            journal.record(JournalEntry.coupons(payment.id(), JournalStep.COUPON_RESERVED, held.reservationId(), held.codes(),
                    held.totalDiscount(), held.payable() == null ? null : "payable " + Receipt.format(held.payable())));
            return inProgress;
        });
    }

    /**
     * Answers the payment as settled: records the answer, keeps the standing authorization, fires the reversals,
     * drops those of declined authorizations, and confirms or releases the held coupons. A payment abandoned meanwhile keeps its abandonment, and that
     * answer is returned instead.
     */
    PaymentOutcome finish(Payment payment, Settlement settlement) {
        PaymentOutcome outcome = settlement.outcome();
        return ledger.inTransaction(() -> {
            int answered = ledger.jdbc().sql("""
                            update payment set state = ?, charged_minor = ?, authorization_code = ?, outcome = cast(? as jsonb),
                                               answered_at = ?
                             where id = ? and state = 'IN_PROGRESS'""")
                    .params(outcome.result().name(), outcome.chargedAmount().amountMinor(), outcome.authorizationCode(),
                            jsonMapper.writeValueAsString(outcome), Timestamp.from(outcome.answeredAt()), payment.id())
                    .update();
            if (answered == 0) {
                return find(payment.id()).map(StoredPayment::outcome).orElseThrow();
            }
            if (settlement.standing() != null && !outbox.cancelReversal(settlement.standing().authorizationId())) {
                throw new IllegalStateException("the standing authorization of payment " + payment.id() + " was not armed");
            }
            settlement.declined().forEach(declined -> outbox.cancelReversal(declined.authorizationId()));
            for (SentAuthorization reversal : settlement.toReverse()) {
                outbox.fireReversal(reversal.authorizationId());
                journal.record(JournalEntry.reversal(payment.id(), JournalStep.REVERSAL_QUEUED, reversal.authorizationId(),
                        reversal.leg(), reversal.amount(), reversal.unanswered() ? "it may have been approved" : "replaced by the discounted authorization"));
            }
            if (settlement.reservationId() != null) {
                outbox.settleCoupons(settlement.reservationId(), settlement.confirmCoupons());
            }
            journal.record(JournalEntry.payment(payment.id(), JournalStep.PAYMENT_ANSWERED, outcome.chargedAmount(),
                    outcome.result() + ", coupons " + outcome.coupon().status()
                            + (outcome.authorizationCode() == null ? "" : ", code " + outcome.authorizationCode())));
            return outcome;
        });
    }

    /**
     * Abandons payments still in progress past their deadline (their relay stopped mid-flow): each is answered as
     * timed out, and everything it armed fires. Returns the abandoned payments' ids.
     */
    List<UUID> abandonOverdue(Instant now, int limit) {
        return ledger.inTransaction(() -> {
            List<StoredPayment> overdue = ledger.jdbc().sql("""
                            select * from payment where state = 'IN_PROGRESS' and deadline_at < ?
                             order by deadline_at limit ? for update skip locked""")
                    .params(Timestamp.from(now), limit)
                    .query((row, number) -> read(row))
                    .list();
            List<UUID> abandoned = new ArrayList<>();
            for (StoredPayment payment : overdue) {
                PaymentOutcome outcome = Payment.abandoned(payment.id(), payment.transactionId(), payment.amount(),
                        payment.card(), now);
                ledger.jdbc().sql("""
                                update payment set state = 'TIMED_OUT', charged_minor = 0, outcome = cast(? as jsonb), answered_at = ?
                                 where id = ?""")
                        .params(jsonMapper.writeValueAsString(outcome), Timestamp.from(now), payment.id())
                        .update();
                for (FollowUp fired : outbox.fireAllArmed(payment.id())) {
                    if (fired.action() == FollowUpAction.REVERSE_AUTHORIZATION) {
                        journal.record(JournalEntry.reversal(payment.id(), JournalStep.REVERSAL_QUEUED,
                                fired.authorizationId(), fired.leg(), fired.amount(), "payment abandoned"));
                    }
                }
                journal.record(JournalEntry.payment(payment.id(), JournalStep.PAYMENT_ABANDONED, outcome.chargedAmount(),
                        "not answered by its deadline; everything it sent is reversed"));
                abandoned.add(payment.id());
            }
            return abandoned;
        });
    }

    Optional<StoredPayment> find(UUID paymentId) {
        return ledger.jdbc().sql("select * from payment where id = ?")
                .param(paymentId)
                .query((row, number) -> read(row))
                .optional();
    }

    Optional<StoredPayment> findByTransaction(UUID terminalId, String transactionId) {
        return ledger.jdbc().sql("select * from payment where terminal_id = ? and transaction_id = ?")
                .params(terminalId, transactionId)
                .query((row, number) -> read(row))
                .optional();
    }

    private boolean lockedInProgress(UUID paymentId) {
        return "IN_PROGRESS".equals(ledger.jdbc().sql("select state from payment where id = ? for share")
                .param(paymentId)
                .query(String.class)
                .single());
    }

    private StoredPayment read(ResultSet row) throws SQLException {
        String outcome = row.getString("outcome");
        return new StoredPayment(
                row.getObject("id", UUID.class),
                row.getObject("merchant_id", UUID.class),
                row.getObject("terminal_id", UUID.class),
                row.getString("transaction_id"),
                row.getString("request_fingerprint"),
                Money.of(row.getLong("amount_minor"), row.getString("currency")),
                new PaymentOutcome.CardOnReceipt(MediumType.valueOf(row.getString("card_type")),
                        CardBrand.valueOf(row.getString("card_brand")), row.getString("card_last_four")),
                outcome == null ? null : storedAnswers.readValue(outcome, PaymentOutcome.class));
    }

    /** A payment as stored; {@code outcome} is null while it is in progress. */
    record StoredPayment(UUID id, UUID merchantId, UUID terminalId, String transactionId, String fingerprint,
            Money amount, PaymentOutcome.CardOnReceipt card, PaymentOutcome outcome) {
    }
}
