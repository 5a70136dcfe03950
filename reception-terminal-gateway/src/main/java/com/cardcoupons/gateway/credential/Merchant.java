package com.cardcoupons.gateway.credential;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/** A merchant, as far as the gateway needs one: a merchant key is issued only for a merchant that exists. Read only. */
@Entity
@Immutable
@Table(name = "merchant")
class Merchant {

    @Id
    private UUID id;

    protected Merchant() {
    }
}
