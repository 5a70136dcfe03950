package com.cardcoupons.couponserver.redemption;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The reservations of coupon uses, each with its redemptions. The holds to expire are found by plain SQL whose
 * conditions match the partial indexes {@code reservation_expiring} and {@code redemption_held}.
 */
interface Reservations extends Repository<Reservation, UUID> {

    @EntityGraph(attributePaths = "redemptions")
    Optional<Reservation> findById(UUID id);

    /**
     * Reads the reservation and locks its row until the transaction ends, so its transitions happen one at a time.
     * Its redemptions are read once the lock is held: fetched with it, Hibernate would read them and the row first and
     * lock the row in a second statement, and the transition would start from what it read before the lock.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from Reservation r where r.id = :id")
    Optional<Reservation> lock(UUID id);

    /** The terminal's most recent reservation for a transaction. */
    Optional<Reservation> findFirstByTillTerminalIdAndTransactionIdOrderByCreatedAtDesc(UUID terminalId,
            String transactionId);

    /** Holds that ran out, oldest first, skipping any another transaction is settling right now. */
    @Query(nativeQuery = true, value = """
            select id from reservation where state = 'RESERVED' and hold_until <= :now
             order by hold_until limit :limit for update skip locked""")
    List<UUID> dueForExpiry(Instant now, int limit);

    /** The run-out holds on one coupon, which a new use may reclaim at once. */
    @Query(nativeQuery = true, value = """
            select distinct h.id from redemption r join reservation h on h.id = r.reservation_id
             where r.coupon_id = :couponId and r.state = 'RESERVED' and h.hold_until <= :now""")
    List<UUID> expiredHoldsOf(UUID couponId, Instant now);
}
