package com.cardcoupons.gateway.credential;

import org.springframework.data.repository.Repository;

import java.util.Optional;
import java.util.UUID;

/** The platform's terminals, to bind terminal keys to. */
interface Terminals extends Repository<Terminal, UUID> {

    Optional<Terminal> findById(UUID id);
}
