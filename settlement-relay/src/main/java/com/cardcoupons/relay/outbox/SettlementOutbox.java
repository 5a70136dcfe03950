package com.cardcoupons.relay.outbox;

import com.cardcoupons.relay.Persisting;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The follow-ups in the database. Sending takes due ones with {@code for update skip locked} under a lease, so two
 * relays never send the same follow-up at once, and one that died while sending leaves it to be sent again when the
 * lease runs out.
 */
public interface SettlementOutbox extends Repository<FollowUp, UUID>, Persisting<FollowUp> {

    List<FollowUp> findByPaymentIdAndState(UUID paymentId, FollowUpState state);

    long countByPaymentIdAndStateIn(UUID paymentId, Collection<FollowUpState> states);

    /** A follow-up to finish, locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select f from FollowUp f where f.id = :id")
    Optional<FollowUp> findLockedById(UUID id);

    /**
     * Takes up to {@code limit} due follow-ups, of one payment or of any, and leases them to the caller: their next
     * attempt moves past the lease, and their attempt count goes up. Returned with their payments' origins.
     */
    @Transactional
    default List<FollowUp> claimDue(int limit, Duration lease, UUID onlyPayment) {
        List<UUID> claimed = lease(limit, lease.toMillis() / 1000.0, onlyPayment);
        return claimed.isEmpty() ? List.of() : findByIdIn(claimed);
    }

    @Query(nativeQuery = true, value = """
            with due as (
                select id from settlement_outbox
                 where state = 'PENDING' and next_attempt_at <= now()
                   and (cast(:payment as uuid) is null or payment_id = cast(:payment as uuid))
                 order by next_attempt_at
                 limit :limit
                   for update skip locked)
            update settlement_outbox o
               set next_attempt_at = now() + make_interval(secs => :seconds), attempts = o.attempts + 1
              from due
             where o.id = due.id
            returning o.id""")
    List<UUID> lease(int limit, double seconds, UUID payment);

    @EntityGraph(attributePaths = "origin")
    List<FollowUp> findByIdIn(Collection<UUID> ids);
}
