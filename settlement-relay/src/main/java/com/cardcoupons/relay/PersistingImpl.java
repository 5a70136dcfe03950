package com.cardcoupons.relay;

import jakarta.persistence.EntityManager;

/** Found by Spring Data by its name: the implementation of {@link Persisting} in every repository that extends it. */
class PersistingImpl<T> implements Persisting<T> {

    private final EntityManager entityManager;

    PersistingImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void persist(T entity) {
        entityManager.persist(entity);
    }
}
