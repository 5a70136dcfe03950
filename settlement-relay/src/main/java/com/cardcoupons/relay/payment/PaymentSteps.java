package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpAction;
import com.cardcoupons.relay.outbox.FollowUpState;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import com.cardcoupons.relay.settlement.MessageTrace;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
 * ({@link Payments#record}, {@link Payments#answer}). Every change of the payment and of its follow-ups is decided by
 * them ({@link Payment}, {@link FollowUp}, through {@link Settlement}) and written on the condition that their rows
 * are still as they were read. Steps that could race an abandonment also take the payment row's lock, so a payment is
 * either answered by its flow or abandoned, never both. Every transaction that changes a payment and its follow-ups
 * locks the payment's row before any follow-up's: the answer's statement moves only follow-ups joined to the payment
 * it updated, the steps here and a partial reversal's outcome ({@code LateCouponSettlement}) lock the payment first.
 * The payment is locked as an update locks it ({@link Payments#lock}), which the foreign-key checks of journal entries
 * and follow-ups written after a follow-up was locked do not wait for; so no two transactions wait for each other.
 */
@Component
class PaymentSteps {

    private final Payments payments;
    private final SettlementJournal journal;
    private final SettlementOutbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentSteps(Payments payments, SettlementJournal journal, SettlementOutbox outbox, TransactionTemplate transactions,
            Clock clock) {
        this.payments = payments;
        this.journal = journal;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records a payment just received, and writes ahead its full-amount authorization, about to be sent as
     * {@code trace}, with its reversal armed ({@code reversal}), in one statement and its commit; or, when its terminal
     * sent it before (under the same idempotency key or the same transaction id), gives the earlier payment instead.
     * The payment's unique keys decide between a request and its retry sent at once: one is recorded, the other waits
     * for it and finds it.
     *
     * @throws IdempotencyKeyReused when the key was used for a different payment
     * @throws TransactionIdReused  when the transaction id was used for a different payment
     */
    Optional<Payment> begin(Payment payment, FollowUp reversal, MessageTrace trace) {
        PaymentOutcome.CardOnReceipt card = payment.card();
        JournalEntry received = JournalEntry.payment(payment.id(), payment.receivedAt(), JournalStep.PAYMENT_RECEIVED,
                payment.amount(), "transaction " + payment.transactionId() + ", " + card.brand() + " " + card.type()
                        + " ****" + card.lastFour());
        JournalEntry sent = authorizationSent(payment, reversal, trace);
        if (payments.record(payment, List.of(reversal), List.of(received, sent))) {
            return Optional.empty();
        }
        return Optional.of(Payment.repeatedBy(payment,
                payments.findRepeated(payment.terminalId(), payment.idempotencyKey(), payment.transactionId())));
    }

    /**
     * Writes ahead an authorization about to be sent as {@code trace}, with its reversal armed ({@code reversal}),
     * after what the payment learnt before. False when the payment was abandoned meanwhile: nothing is written, and
     * nothing is to be sent.
     */
    @Transactional
    boolean writeAhead(Payment payment, List<JournalEntry> learnt, FollowUp reversal, MessageTrace trace) {
        if (!payments.lockShared(payment.id()).orElseThrow().inProgress()) {
            return false;
        }
        outbox.add(reversal);
        List<JournalEntry> entries = new ArrayList<>(learnt);
        entries.add(authorizationSent(payment, reversal, trace));
        journal.append(entries);
        return true;
    }

    /**
     * Answers the payment as settled, after what it learnt last, in one statement and its commit: records the answer,
     * keeps the standing authorization, fires the reversals, drops those of declined authorizations, and confirms or
     * releases the held coupons. {@code armed} are the reversals armed for its authorizations. A payment abandoned
     * meanwhile keeps its abandonment, and that answer is returned instead, once what it learnt is journaled and
     * coupons held meanwhile are released, in one commit of their own.
     */
    PaymentOutcome finish(Payment payment, List<JournalEntry> learnt, Settlement settlement, List<FollowUp> armed) {
        PaymentOutcome outcome = settlement.outcome();
        Instant now = clock.instant();
        payment.answer(outcome);
        List<FollowUp> moved = settlement.settleReversals(armed, now);
        List<FollowUp> added = settlement.couponSettlement(payment.id(), now).map(List::of).orElse(List.of());
        List<JournalEntry> entries = new ArrayList<>(learnt);
        for (SentAuthorization reversal : settlement.toReverse()) {
            entries.add(JournalEntry.reversal(payment.id(), now, JournalStep.REVERSAL_QUEUED, reversal.authorizationId(),
                    reversal.leg(), reversal.amount(), null, reversal.trace().retrievalReference(),
                    reversal.unanswered() ? "it may have been approved: by advice" : "replaced by the discounted authorization"));
        }
        entries.add(JournalEntry.payment(payment.id(), now, JournalStep.PAYMENT_ANSWERED, outcome.chargedAmount(),
                outcome.result() + ", coupons " + outcome.coupon().status()
                        + (outcome.authorizationCode() == null ? "" : ", code " + outcome.authorizationCode())));
        if (payments.answer(payment, moved, added, entries)) {
            return outcome;
        }
        // a call from within this bean, which its @Transactional proxy would not see: the transaction is explicit
        transactions.executeWithoutResult(status -> abandonedMeanwhile(payment, learnt, settlement, now));
        return payments.find(payment.id()).flatMap(Payment::outcome).orElseThrow();
    }

    /** Journals what was learnt, in a commit of its own. */
    void journal(List<JournalEntry> entries) {
        journal.append(entries);
    }

    /**
     * A late coupon held for the price the search proposed: the payment's discount pending, the partial reversal of the
     * standing authorization due now, and the coupons' release armed until that reversal's outcome turns it into a
     * confirmation, in one commit. A payment that decided a late coupon meanwhile only releases the coupons.
     */
    @Transactional
    void lateCouponHeld(Payment payment, CouponHold.Held held, SentAuthorization standing, String reversalStan,
            List<JournalEntry> learnt) {
        Instant now = clock.instant();
        Payment locked = payments.lock(payment.id()).orElseThrow();
        List<JournalEntry> entries = new ArrayList<>(learnt);
        if (!locked.takesLateCoupon()) {
            outbox.add(FollowUp.couponRelease(payment.id(), held.reservationId(), false, now, now));
            journal.append(entries);
            return;
        }
        locked.lateCouponHeld(held.coupons(), held.payable(), now);
        payments.save(locked);
        outbox.add(List.of(FollowUp.partialReversal(payment.id(), standing.authorizationId(), standing.leg(),
                        standing.amount(), held.payable(), standing.trace(), reversalStan, now),
                FollowUp.couponRelease(payment.id(), held.reservationId(), true, now, now)));
        entries.add(JournalEntry.reversal(payment.id(), now, JournalStep.REVERSAL_QUEUED, standing.authorizationId(),
                standing.leg(), held.payable(), reversalStan, standing.trace().retrievalReference(),
                "partial, to " + Receipt.format(held.payable()) + ": a late coupon"));
        journal.append(entries);
    }

    /** A late coupon not applied, for {@code reason}; coupons held for it ({@code reservationId}) are released. */
    @Transactional
    void lateCouponNotApplied(Payment payment, String reason, UUID reservationId, List<JournalEntry> learnt) {
        Instant now = clock.instant();
        Payment locked = payments.lock(payment.id()).orElseThrow();
        List<JournalEntry> entries = new ArrayList<>(learnt);
        if (locked.takesLateCoupon()) {
            locked.lateCouponNotApplied(reason, now);
            payments.save(locked);
            entries.add(JournalEntry.payment(payment.id(), now, JournalStep.LATE_COUPON_NOT_APPLIED, locked.amount(), reason));
        }
        if (reservationId != null) {
            outbox.add(FollowUp.couponRelease(payment.id(), reservationId, false, now, now));
        }
        journal.append(entries);
    }

    /**
     * The abandonment stands: what was learnt is journaled, and coupons held meanwhile are released; in the caller's
     * transaction, so that neither is written without the other.
     */
    private void abandonedMeanwhile(Payment payment, List<JournalEntry> learnt, Settlement settlement, Instant now) {
        if (settlement.reservationId() != null) {
            outbox.add(FollowUp.couponRelease(payment.id(), settlement.reservationId(), false, payment.deadline(), now));
        }
        journal.append(learnt);
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
            payments.save(payment);
            List<FollowUp> armedFollowUps = outbox.ofPayment(payment.id(), FollowUpState.ARMED);
            for (FollowUp armed : armedFollowUps) {
                armed.fire(now);
                if (armed.action() == FollowUpAction.REVERSE_AUTHORIZATION) {
                    entries.add(JournalEntry.reversal(payment.id(), now, JournalStep.REVERSAL_QUEUED,
                            armed.authorizationId(), armed.leg(), armed.amount(), armed.stan(),
                            armed.retrievalReference(), "payment abandoned: by advice"));
                }
            }
            outbox.save(armedFollowUps);
            entries.add(JournalEntry.payment(payment.id(), now, JournalStep.PAYMENT_ABANDONED, outcome.chargedAmount(),
                    "not answered by its deadline; everything it sent is reversed"));
            abandoned.add(payment.id());
        }
        journal.append(entries);
        return abandoned;
    }

    /** The journal entry of an authorization about to be sent as {@code trace}, written ahead with its reversal. */
    private JournalEntry authorizationSent(Payment payment, FollowUp reversal, MessageTrace trace) {
        return JournalEntry.authorization(payment.id(), clock.instant(), JournalStep.AUTHORIZATION_SENT,
                reversal.authorizationId(), reversal.leg(), reversal.amount(), trace, null, null,
                "0100 at " + trace.transmissionDateTime());
    }

}
