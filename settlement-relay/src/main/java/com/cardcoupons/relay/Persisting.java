package com.cardcoupons.relay;

/**
 * A repository fragment that adds new entities with JPA's {@code persist}. Their ids are assigned by the domain, so
 * Spring Data's {@code save} would take them for detached entities and merge them, reading each one first.
 */
public interface Persisting<T> {

    void persist(T entity);
}
