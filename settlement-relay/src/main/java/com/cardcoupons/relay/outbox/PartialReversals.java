package com.cardcoupons.relay.outbox;

import com.cardcoupons.relay.journal.JournalEntry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What follows a partial reversal's outcome, decided by whoever asked for it (a late coupon), in the commit that
 * records the outcome: the entries it returns are journaled with it. That commit changes the payment as well as its
 * follow-ups, so it locks the payment's row ({@link #lockPayment}) before the reversal's, in the order every other
 * step of a payment locks them.
 */
public interface PartialReversals {

    /** Locks the row of payment {@code paymentId} until the transaction ends, before any follow-up of it is locked. */
    void lockPayment(UUID paymentId);

    /** The settlement center lowered the authorization. */
    List<JournalEntry> acknowledged(FollowUp reversal, Instant now);

    /** The settlement center refused to lower it: the authorization stands for its full amount. */
    List<JournalEntry> refused(FollowUp reversal, Instant now);
}
