package com.cardcoupons.gateway.credential;

import org.springframework.data.repository.Repository;

import java.util.UUID;

/** The platform's merchants, to bind merchant keys to. */
interface Merchants extends Repository<Merchant, UUID> {

    boolean existsById(UUID id);
}
