package com.cardcoupons.gateway.credential;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Found by Spring Data by its name, as the implementation of {@link Persisting} in every repository that extends it. */
class PersistingImpl<T> implements Persisting<T> {

    // injected by JPA rather than through the constructor: the authentication filter, and with it this repository,
    // is created while the web server starts, and there no EntityManager bean could be autowired by type
    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public void persist(T entity) {
        entityManager.persist(entity);
    }
}
