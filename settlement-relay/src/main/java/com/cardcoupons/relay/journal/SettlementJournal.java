package com.cardcoupons.relay.journal;

import org.springframework.data.repository.Repository;

import java.util.List;
import java.util.UUID;

/**
 * The settlement journal: a step's entries are appended at once ({@link JournalAppends}), in their own commit or in
 * the caller's, and read back in order.
 */
public interface SettlementJournal extends Repository<JournalEntry, Long>, JournalAppends {

    /** A payment's steps, in the order they were written. */
    List<JournalEntry> findByPaymentIdOrderById(UUID paymentId);
}
