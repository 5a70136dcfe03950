package com.cardcoupons.gateway.credential;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import java.util.UUID;

/**
 * A POS terminal as the gateway sees it: a terminal key carries its merchant and store, and works only while the
 * terminal is active. The row belongs to the platform's core schema; the gateway only reads it.
 */
@Entity
@Immutable
@Table(name = "terminal")
class Terminal {

    private static final String ACTIVE = "ACTIVE";

    @Id
    private UUID id;

    private UUID merchantId;

    private UUID storeId;

    // compared rather than mapped to an enum: whatever state the schema may add, only ACTIVE lets a key work
    private String status;

    protected Terminal() {
    }

    Terminal(UUID id, UUID merchantId, UUID storeId, boolean active) {
        this.id = id;
        this.merchantId = merchantId;
        this.storeId = storeId;
        this.status = active ? ACTIVE : "DECOMMISSIONED";
    }

    UUID id() {
        return id;
    }

    UUID merchantId() {
        return merchantId;
    }

    UUID storeId() {
        return storeId;
    }

    boolean active() {
        return ACTIVE.equals(status);
    }
}
