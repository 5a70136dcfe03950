package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalSummary;

import java.util.List;
import java.util.UUID;

/**
 * A payment's settlement journal: what the terminal was told, what the card holds because of it (authorizations
 * approved or unanswered, not yet reversed), the follow-ups still to send, and every step in order. {@code balanced}
 * says the card holds exactly what the terminal was told and nothing is left to send.
 */
record PaymentJournalView(
        UUID paymentId,
        String transactionId,
        PaymentResult result,
        Money toldCharged,
        Money outstanding,
        long pendingFollowUps,
        boolean balanced,
        List<JournalSummary.AuthorizationTrail> authorizations,
        List<JournalEntry> entries) {

    static PaymentJournalView of(Payments.StoredPayment payment, List<JournalEntry> entries, long pendingFollowUps) {
        PaymentOutcome outcome = payment.outcome();
        Money told = outcome == null ? null : outcome.chargedAmount();
        JournalSummary summary = JournalSummary.of(entries, payment.amount().currency(), told, pendingFollowUps);
        return new PaymentJournalView(payment.id(), payment.transactionId(), outcome == null ? null : outcome.result(),
                told, summary.outstanding(), pendingFollowUps, summary.balanced(), summary.authorizations(), entries);
    }
}
