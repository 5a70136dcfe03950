package com.cardcoupons.couponserver.printing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** A merchant, as far as a printed slip names it; merchants are registered elsewhere and only read here. */
@Entity
@Table(name = "merchant")
@Immutable
class Merchant {

    @Id
    private UUID id;

    private String name;

    protected Merchant() {
    }
}
