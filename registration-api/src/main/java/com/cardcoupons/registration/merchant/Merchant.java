package com.cardcoupons.registration.merchant;

import com.cardcoupons.model.problem.DomainException;
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

/** A merchant on the platform: it runs campaigns and has stores with terminals. Closing it is for good. */
@Entity
@Table(name = "merchant")
public class Merchant {

    static final int MAX_NAME = 200;
    static final int MAX_REASON = 500;

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private MerchantStatus status;

    private Instant createdAt;

    private Instant updatedAt;

    private Instant closedAt;

    private String closeReason;

    protected Merchant() {
    }

    private Merchant(UUID id, String name, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = name;
        this.status = MerchantStatus.ACTIVE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Merchant onboard(UUID id, String name, Instant now) {
        return new Merchant(id, Input.text(name, "name", MAX_NAME), now);
    }

    /** What changed; nothing when the name is the same. */
    Change rename(String newName, Instant now) {
        requireActive();
        Change change = new Change();
        name = change.field("name", name, Input.text(newName, "name", MAX_NAME));
        if (!change.isEmpty()) {
            updatedAt = now;
        }
        return change;
    }

    /** Closes the merchant, unless it has campaigns awaiting approval, approved or suspended. */
    void close(String reason, long openCampaigns, Instant now) {
        String checkedReason = Input.text(reason, "reason", MAX_REASON);
        requireActive();
        if (openCampaigns > 0) {
            throw DomainException.conflict("MERCHANT_HAS_OPEN_CAMPAIGNS",
                    "the merchant has " + openCampaigns + " campaigns awaiting approval, approved or suspended: end them first");
        }
        closeReason = checkedReason;
        status = MerchantStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
    }

    /** Refuses a change to a closed merchant, or to what it has. */
    void requireActive() {
        if (status != MerchantStatus.ACTIVE) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "MERCHANT_CLOSED", null, "the merchant is closed");
        }
    }

    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("status", status);
        return values;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public MerchantStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closeReason() {
        return closeReason;
    }
}
