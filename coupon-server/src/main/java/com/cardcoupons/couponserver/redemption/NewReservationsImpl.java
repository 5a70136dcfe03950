package com.cardcoupons.couponserver.redemption;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Found by Spring Data by its name: {@link NewReservations} with JPA's {@code persist} (Spring Data's {@code save}
 * would take an entity with an id for a detached one and read it first), flushed at once so that the one-live-use
 * index answers here rather than at commit.
 */
class NewReservationsImpl implements NewReservations {

    private static final String ONE_LIVE_USE = "reservation_one_live_per_transaction";

    private final EntityManager entityManager;

    NewReservationsImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public boolean add(Reservation reservation) {
        // a hold of the same transaction that this one expired must leave the index before this one enters it, and
        // Hibernate writes a flush's inserts before its updates
        entityManager.flush();
        entityManager.persist(reservation);
        try {
            entityManager.flush();
            return true;
        } catch (PersistenceException e) {
            if (violates(e, ONE_LIVE_USE)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && constraint.equals(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
