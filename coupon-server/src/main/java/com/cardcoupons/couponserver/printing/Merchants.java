package com.cardcoupons.couponserver.printing;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.UUID;

/** Merchant names, for the head of a printed slip. */
interface Merchants extends Repository<Merchant, UUID> {

    @Query("select m.name from Merchant m where m.id = :merchantId")
    String nameOf(UUID merchantId);
}
