package com.cardcoupons.relay.outbox;

import com.cardcoupons.relay.journal.JournalEntry;

import java.time.Instant;
import java.util.List;

/**
 * What follows a partial reversal's outcome, decided by whoever asked for it (a late coupon), in the commit that
 * records the outcome: the entries it returns are journaled with it.
 */
public interface PartialReversals {

    /** The settlement center lowered the authorization. */
    List<JournalEntry> acknowledged(FollowUp reversal, Instant now);

    /** The settlement center refused to lower it: the authorization stands for its full amount. */
    List<JournalEntry> refused(FollowUp reversal, Instant now);
}
