package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.JournalSummary;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
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
        List<Entry> entries) {

    static PaymentJournalView of(Payment payment, List<JournalEntry> entries, long pendingFollowUps) {
        PaymentOutcome outcome = payment.outcome().orElse(null);
        // what the card is to hold: what the terminal was told, or what a late coupon lowered it to
        Money told = payment.heldAmount().orElse(null);
        JournalSummary summary = JournalSummary.of(entries, payment.amount().currency(), told, pendingFollowUps);
        return new PaymentJournalView(payment.id(), payment.transactionId(), outcome == null ? null : outcome.result(),
                told, summary.outstanding(), pendingFollowUps, summary.balanced(), summary.authorizations(),
                entries.stream().map(Entry::of).toList());
    }

    /** One step as the journal recorded it; fields a step does not have are left out. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Entry(long sequence, Instant occurredAt, JournalStep step, UUID authorizationId, AuthorizationLeg leg,
            Money amount, String stan, String retrievalReference, String authorizationCode, String responseCode,
            UUID reservationId, List<String> couponCodes, String detail) {

        static Entry of(JournalEntry entry) {
            return new Entry(entry.sequence(), entry.occurredAt(), entry.step(), entry.authorizationId(), entry.leg(),
                    entry.amount(), entry.stan(), entry.retrievalReference(), entry.authorizationCode(),
                    entry.responseCode(), entry.reservationId(), entry.couponCodes(), entry.detail());
        }
    }
}
