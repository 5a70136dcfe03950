package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A reception terminal (POS) in one store. Decommissioning is for good: the gateway admits only an ACTIVE terminal's
 * keys, so a decommissioned terminal's keys stop working on their next request.
 */
@Entity
@Table(name = "terminal")
public class Terminal {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID merchantId;

    @Column(updatable = false)
    private UUID storeId;

    @Column(updatable = false)
    private String code;

    @Enumerated(EnumType.STRING)
    private TerminalStatus status;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant decommissionedAt;

    protected Terminal() {
    }

    private Terminal(UUID id, Store store, String code, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = store.merchantId();
        this.storeId = store.id();
        this.code = code;
        this.status = TerminalStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Terminal install(UUID id, Merchant merchant, Store store, String code, Instant now) {
        merchant.requireActive();
        if (!store.merchantId().equals(merchant.id())) {
            throw new IllegalArgumentException("store " + store.id() + " is not merchant " + merchant.id() + "'s");
        }
        return new Terminal(id, store, Input.code(code, "code"), now);
    }

    void decommission(Instant now) {
        if (status == TerminalStatus.DECOMMISSIONED) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "TERMINAL_DECOMMISSIONED", null,
                    "the terminal is decommissioned already");
        }
        status = TerminalStatus.DECOMMISSIONED;
        decommissionedAt = now;
        updatedAt = now;
    }

    boolean isActive() {
        return status == TerminalStatus.ACTIVE;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("storeId", storeId);
        values.put("code", code);
        values.put("status", status);
        return values;
    }

    public UUID id() {
        return id;
    }

    public UUID merchantId() {
        return merchantId;
    }

    public UUID storeId() {
        return storeId;
    }

    public String code() {
        return code;
    }

    public TerminalStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant decommissionedAt() {
        return decommissionedAt;
    }
}
