package com.cardcoupons.relay.journal;

import java.util.List;

/** How entries enter the journal: a step's entries at once, in one statement, in the order given. */
public interface JournalAppends {

    /**
     * Appends the entries after whatever the caller's transaction has written so far (the payment they refer to
     * included), numbered in the order given; in a commit of their own when there is no transaction.
     */
    void append(List<JournalEntry> entries);
}
