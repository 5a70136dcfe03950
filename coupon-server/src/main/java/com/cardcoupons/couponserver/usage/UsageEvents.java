package com.cardcoupons.couponserver.usage;

import org.springframework.data.repository.Repository;

import java.util.List;

/**
 * The usage log as entities: the transitions of reservations are added within their transaction, durable when it
 * commits. Searches hand theirs to {@link SearchLog}; a new use writes its events with itself.
 */
public interface UsageEvents extends Repository<UsageEvent, Long> {

    <S extends UsageEvent> List<S> saveAll(Iterable<S> events);
}
