package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpAction;
import com.cardcoupons.relay.outbox.FollowUpState;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps of a payment that change what is recorded, each one short commit, never held open across a call to a
 * counterpart. An authorization is written ahead, with its reversal armed, in the commit before it is sent; so are
 * held coupons, with their release armed. What came back (answers, the search's result) is journaled with the next
 * commit the payment makes anyway: a payment without a discount commits twice before its answer, one with a discount
 * three times. The first and the last of them, on every payment's critical path, are one statement each
 * ({@link PaymentStatements}). Steps that could race an abandonment take the payment row's lock first, in the same
 * order everywhere (payment, then outbox), so a payment is either answered by its flow or abandoned, never both.
 */
@Component
class PaymentSteps {

    private final Payments payments;
    private final PaymentStatements statements;
    private final SettlementJournal journal;
    private final SettlementOutbox outbox;
    private final Clock clock;

    PaymentSteps(Payments payments, PaymentStatements statements, SettlementJournal journal, SettlementOutbox outbox,
            Clock clock) {
        this.payments = payments;
        this.statements = statements;
        this.journal = journal;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records a payment just received, and writes ahead its full-amount authorization {@code authorizationId}, in one
     * statement and its commit; or, when its terminal sent it before (under the same idempotency key or the same
     * transaction id), gives the earlier payment instead. The payment's unique keys decide between a request and its
     * retry sent at once: one is recorded, the other waits for it and finds it.
     *
     * @throws IdempotencyKeyReused when the key was used for a different payment
     * @throws TransactionIdReused  when the transaction id was used for a different payment
     */
    Optional<Payment> begin(Payment payment, UUID authorizationId) {
        PaymentOutcome.CardOnReceipt card = payment.card();
        JournalEntry received = JournalEntry.payment(payment.id(), payment.receivedAt(), JournalStep.PAYMENT_RECEIVED,
                payment.amount(), "transaction " + payment.transactionId() + ", " + card.brand() + " " + card.type()
                        + " ****" + card.lastFour());
        JournalEntry sent = authorizationSent(payment, authorizationId, AuthorizationLeg.FULL_AMOUNT, payment.amount());
        if (statements.recordAhead(payment, authorizationId, List.of(received, sent))) {
            return Optional.empty();
        }
        return Optional.of(Payment.repeatedBy(payment,
                payments.findRepeated(payment.terminalId(), payment.idempotencyKey(), payment.transactionId())));
    }

    /**
     * Records held coupons with their release armed, after what the payment learnt before, and writes ahead the
     * discounted authorization {@code authorizationId} if there is one to send. False when the payment was abandoned
     * meanwhile: the coupons are released at once, and nothing is to be sent.
     */
    @Transactional
    boolean couponsHeld(Payment payment, List<JournalEntry> learnt, CouponHold.Held held, UUID authorizationId,
            Money discounted) {
        boolean inProgress = payments.findSharedById(payment.id()).orElseThrow().inProgress();
        List<JournalEntry> entries = new ArrayList<>(learnt);
        Instant now = clock.instant();
        outbox.persist(FollowUp.couponRelease(payment.id(), held.reservationId(), inProgress, payment.deadline(), now));
        entries.add(JournalEntry.coupons(payment.id(), now, JournalStep.COUPON_RESERVED, held.reservationId(), held.codes(),
                held.totalDiscount(), held.payable() == null ? null : "payable " + Receipt.format(held.payable())));
        if (inProgress && authorizationId != null) {
            entries.add(writeAhead(payment, authorizationId, AuthorizationLeg.DISCOUNTED, discounted));
        }
        journal.append(entries);
        return inProgress;
    }

    /**
     * Answers the payment as settled, after what it learnt last, in one statement and its commit: records the answer,
     * keeps the standing authorization, fires the reversals, drops those of declined authorizations, and confirms or
     * releases the held coupons. A payment abandoned meanwhile keeps its abandonment, and that answer is returned
     * instead.
     */
    PaymentOutcome finish(Payment payment, List<JournalEntry> learnt, Settlement settlement) {
        PaymentOutcome outcome = settlement.outcome();
        payment.answer(outcome);
        List<JournalEntry> entries = new ArrayList<>(learnt);
        Instant now = clock.instant();
        for (SentAuthorization reversal : settlement.toReverse()) {
            entries.add(JournalEntry.reversal(payment.id(), now, JournalStep.REVERSAL_QUEUED, reversal.authorizationId(),
                    reversal.leg(), reversal.amount(),
                    reversal.unanswered() ? "it may have been approved" : "replaced by the discounted authorization"));
        }
        entries.add(JournalEntry.payment(payment.id(), now, JournalStep.PAYMENT_ANSWERED, outcome.chargedAmount(),
                outcome.result() + ", coupons " + outcome.coupon().status()
                        + (outcome.authorizationCode() == null ? "" : ", code " + outcome.authorizationCode())));
        if (statements.answer(payment, settlement, entries, now)) {
            return outcome;
        }
        journal.append(learnt);
        return payments.findById(payment.id()).flatMap(Payment::outcome).orElseThrow();
    }

    /**
     * Abandons payments still in progress past their deadline (their relay stopped mid-flow): each is answered as
     * timed out, and everything it armed fires. Returns the abandoned payments' ids.
     */
    @Transactional
    List<UUID> abandonOverdue(int limit) {
        Instant now = clock.instant();
        List<UUID> abandoned = new ArrayList<>();
        List<JournalEntry> entries = new ArrayList<>();
        for (Payment payment : payments.lockOverdue(now, limit)) {
            PaymentOutcome outcome = payment.abandon(now);
            for (FollowUp armed : outbox.findByPaymentIdAndState(payment.id(), FollowUpState.ARMED)) {
                armed.fire(now);
                if (armed.action() == FollowUpAction.REVERSE_AUTHORIZATION) {
                    entries.add(JournalEntry.reversal(payment.id(), now, JournalStep.REVERSAL_QUEUED,
                            armed.authorizationId(), armed.leg(), armed.amount(), "payment abandoned"));
                }
            }
            entries.add(JournalEntry.payment(payment.id(), now, JournalStep.PAYMENT_ABANDONED, outcome.chargedAmount(),
                    "not answered by its deadline; everything it sent is reversed"));
            abandoned.add(payment.id());
        }
        journal.append(entries);
        return abandoned;
    }

    /** An authorization about to be sent: its reversal armed until the payment decides; returns its journal entry. */
    private JournalEntry writeAhead(Payment payment, UUID authorizationId, AuthorizationLeg leg, Money amount) {
        outbox.persist(FollowUp.reversal(payment.id(), authorizationId, leg, amount, payment.deadline()));
        return authorizationSent(payment, authorizationId, leg, amount);
    }

    private JournalEntry authorizationSent(Payment payment, UUID authorizationId, AuthorizationLeg leg, Money amount) {
        return JournalEntry.authorization(payment.id(), clock.instant(), JournalStep.AUTHORIZATION_SENT, authorizationId,
                leg, amount, null, null, null);
    }

}
