package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.Persisting;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Every payment, by id, by its terminal's transaction id, and by the idempotency key its terminal sent it with. */
interface Payments extends Repository<Payment, UUID>, Persisting<Payment> {

    Optional<Payment> findById(UUID id);

    Optional<Payment> findByTerminalIdAndTransactionId(UUID terminalId, String transactionId);

    /** The payments a request could repeat: its terminal's under the same idempotency key or transaction id. */
    @Query("""
            select p from Payment p
             where p.terminalId = :terminalId and (p.idempotencyKey = :idempotencyKey or p.transactionId = :transactionId)""")
    List<Payment> findRepeated(UUID terminalId, String idempotencyKey, String transactionId);

    /**
     * Reads the payment and shares its row lock until the transaction ends: it cannot be abandoned meanwhile, and
     * other steps of the same payment are not held up.
     */
    @Lock(LockModeType.PESSIMISTIC_READ)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> findSharedById(UUID id);

    /** Reads the payment and locks its row until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Payment p where p.id = :id")
    Optional<Payment> findLockedById(UUID id);

    /** Payments still in progress past their deadline, locked; those another transaction holds are left for later. */
    @Query(nativeQuery = true, value = """
            select * from payment where state = 'IN_PROGRESS' and deadline_at < :now
             order by deadline_at limit :limit for update skip locked""")
    List<Payment> lockOverdue(Instant now, int limit);
}
