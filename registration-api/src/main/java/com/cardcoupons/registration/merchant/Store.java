package com.cardcoupons.registration.merchant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A merchant's store: where its terminals stand. Its code is fixed once given (terminals and reports name it); its
 * name, address, time zone and merchant category code can change.
 */
@Entity
@Table(name = "store")
public class Store {

    static final int MAX_NAME = 200;

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID merchantId;

    @Column(updatable = false)
    private String code;

    private String name;

    @JdbcTypeCode(SqlTypes.CHAR)
    private String mcc;

    private String timeZone;

    @Embedded
    private Address address;

    private Instant createdAt;

    private Instant updatedAt;

    protected Store() {
    }

    private Store(UUID id, UUID merchantId, String code, Details details, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
        this.code = code;
        this.name = details.name();
        this.mcc = details.mcc();
        this.timeZone = details.timeZone();
        this.address = details.address();
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Store open(UUID id, Merchant merchant, String code, Details details, Instant now) {
        merchant.requireActive();
        return new Store(id, merchant.id(), Input.code(code, "code"), details, now);
    }

    Change update(Merchant owner, Details details, Instant now) {
        owner.requireActive();
        Change change = new Change();
        name = change.field("name", name, details.name());
        address = change.field("address", address, details.address());
        timeZone = change.field("timeZone", timeZone, details.timeZone());
        mcc = change.field("mcc", mcc, details.mcc());
        if (!change.isEmpty()) {
            updatedAt = now;
        }
        return change;
    }

    Map<String, Object> snapshot() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", code);
        values.put("name", name);
        values.put("address", address);
        values.put("timeZone", timeZone);
        values.put("mcc", mcc);
        return values;
    }

    public UUID id() {
        return id;
    }

    public UUID merchantId() {
        return merchantId;
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public String mcc() {
        return mcc;
    }

    public String timeZone() {
        return timeZone;
    }

    public Address address() {
        return address;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    /** What an operator says of a store, checked: every field is required but the address's optional lines. */
    record Details(String name, Address address, String timeZone, String mcc) {

        static Details checked(String name, Address address, String timeZone, String mcc) {
            return new Details(Input.text(name, "name", MAX_NAME), Address.checked(address, "address"),
                    Input.timeZone(timeZone, "timeZone"), Input.mcc(mcc, "mcc"));
        }
    }
}
