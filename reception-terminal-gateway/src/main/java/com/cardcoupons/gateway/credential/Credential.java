package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.OptimisticLockType;
import org.hibernate.annotations.OptimisticLocking;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A credential the gateway authenticates callers with: what kind of caller it stands for, what it is bound to (by
 * id), the hash of its secret (and, for a while after a rotation, of the previous one), and whether it is still in
 * force. A terminal or merchant key acts for its {@link KeyHolder}, which registration-api owns: a terminal's merchant
 * and store are the terminal's, and a key works only while its holder may act (a terminal decommissioned, or a
 * merchant closed, ends its keys). A change is stored only while the row is still exactly as it was read, so of two
 * concurrent changes one is refused.
 */
@Entity
@Table(name = "api_credential")
@DynamicUpdate
@OptimisticLocking(type = OptimisticLockType.ALL)
public class Credential {

    /** Whether a credential may still be used. */
    public enum Status { ACTIVE, REVOKED }

    /** What a credential is bound to: a terminal (its merchant and store follow from it), a merchant, or a channel. */
    record Binding(KeyHolder holder, ConsumerChannel channel) {

        static final Binding NONE = new Binding(null, null);

        static Binding holder(KeyHolder holder) {
            return new Binding(holder, null);
        }

        static Binding channel(ConsumerChannel channel) {
            return new Binding(null, channel);
        }

        boolean fits(Role kind) {
            return (kind == Role.TERMINAL) == (holder != null && holder.isTerminal())
                    && (kind == Role.MERCHANT) == (holder != null && !holder.isTerminal())
                    && (kind == Role.CONSUMER_CHANNEL) == (channel != null);
        }
    }

    @Id
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Role kind;

    @Column(updatable = false)
    private String label;

    // a terminal credential's terminal, whose merchant and store registration-api keeps
    @Column(updatable = false)
    private UUID terminalId;

    // a merchant credential's merchant; a terminal's merchant is its terminal's
    @Column(updatable = false)
    private UUID merchantId;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private ConsumerChannel channel;

    @Convert(converter = SecretHashConverter.class)
    private SecretHash secretHash;

    @Convert(converter = SecretHashConverter.class)
    private SecretHash previousSecretHash;

    private Instant previousValidUntil;

    @Enumerated(EnumType.STRING)
    private Status status;

    @Column(updatable = false)
    private String issuedBy;

    @Column(updatable = false)
    private Instant issuedAt;

    private Instant rotatedAt;

    private String revokedBy;

    private Instant revokedAt;

    protected Credential() {
    }

    private Credential(ApiKey key, Role kind, String label, Binding binding, String issuedBy, Instant now) {
        this.id = key.keyId();
        this.kind = kind;
        this.label = label;
        this.terminalId = kind == Role.TERMINAL ? binding.holder().terminalId() : null;
        this.merchantId = kind == Role.MERCHANT ? binding.holder().merchantId() : null;
        this.channel = binding.channel();
        this.secretHash = SecretHash.of(key.secret());
        this.status = Status.ACTIVE;
        this.issuedBy = issuedBy;
        this.issuedAt = now;
    }

    /**
     * A new, active credential for {@code key}. A decommissioned terminal, or a terminal or merchant of a closed
     * merchant, is given no key.
     */
    static Credential issue(ApiKey key, Role kind, String label, Binding binding, String issuedBy, Instant now) {
        if (!binding.fits(kind)) {
            throw new IllegalArgumentException("a " + kind + " credential is bound to exactly what its kind needs");
        }
        KeyHolder holder = binding.holder();
        if (holder != null && !holder.active()) {
            throw mayNotAct(holder, true);
        }
        return new Credential(key, kind, label, binding, issuedBy, now);
    }

    /** Why a key for {@code holder} is refused: its terminal or merchant may not act; {@code named} in the request. */
    private static DomainException mayNotAct(KeyHolder holder, boolean named) {
        return holder.isTerminal()
                ? new DomainException(DomainException.Kind.UNPROCESSABLE, "TERMINAL_NOT_ACTIVE", named ? "terminalId" : null,
                        "terminal " + holder.terminalId() + " is decommissioned, or its merchant is closed")
                : new DomainException(DomainException.Kind.UNPROCESSABLE, "MERCHANT_CLOSED", named ? "merchantId" : null,
                        "merchant " + holder.merchantId() + " is closed");
    }

    /**
     * The identity this credential proves when presented with {@code secret} at {@code now}, acting for
     * {@code holder} (its terminal or merchant as read with it; null for the kinds bound to neither, or when the row
     * is gone), or empty when the secret is wrong, the credential is revoked, or its holder may no longer act. Both
     * hashes are always compared, so the answer takes the same time whichever of them matches.
     */
    public Optional<CallerIdentity> authenticate(String secret, KeyHolder holder, Instant now) {
        boolean current = secretHash.matches(secret);
        boolean previous = previousSecretHash != null && previousSecretHash.matches(secret)
                && now.isBefore(previousValidUntil);
        if (!(current || previous) || status != Status.ACTIVE) {
            return Optional.empty();
        }
        if (!needsHolder()) {
            return Optional.of(identity(null));
        }
        if (holder == null || !holder.active() || !isHeldBy(holder)) {
            return Optional.empty();
        }
        return Optional.of(identity(holder));
    }

    /**
     * Puts a new secret in force and answers its key, to be shown once; the current secret keeps working for
     * {@code overlap} (zero: it stops at once). A secret still overlapping from an earlier rotation stops now.
     * A terminal or merchant key whose {@code holder} may no longer act (or is gone) gets no new secret: it could not
     * be used, and handing it out would say it could.
     */
    ApiKey rotate(KeyHolder holder, Duration overlap, Instant now) {
        requireActive();
        if (needsHolder() && (holder == null || !isHeldBy(holder))) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE,
                    kind == Role.TERMINAL ? "TERMINAL_NOT_ACTIVE" : "MERCHANT_CLOSED", null,
                    "the " + kind.name().toLowerCase(java.util.Locale.ROOT) + " this key was issued to is gone");
        }
        if (needsHolder() && !holder.active()) {
            throw mayNotAct(holder, false);
        }
        ApiKey key = ApiKey.withNewSecret(id);
        boolean keepPrevious = !overlap.isZero();
        previousSecretHash = keepPrevious ? secretHash : null;
        previousValidUntil = keepPrevious ? now.plus(overlap) : null;
        secretHash = SecretHash.of(key.secret());
        rotatedAt = now;
        return key;
    }

    /** Revokes the credential: neither its secret nor an overlapping previous one works any more. */
    void revoke(String by, Instant now) {
        requireActive();
        status = Status.REVOKED;
        previousSecretHash = null;
        previousValidUntil = null;
        revokedBy = by;
        revokedAt = now;
    }

    public String id() {
        return id;
    }

    Role kind() {
        return kind;
    }

    String label() {
        return label;
    }

    /** A merchant credential's merchant; null for a terminal's, whose merchant is its {@link KeyHolder}'s. */
    UUID merchantId() {
        return merchantId;
    }

    UUID terminalId() {
        return terminalId;
    }

    /** Whether the key acts for a terminal or a merchant, and works only while that holder may act. */
    boolean needsHolder() {
        return kind == Role.TERMINAL || kind == Role.MERCHANT;
    }

    /** Whether {@code holder} is the terminal or merchant this credential is bound to. */
    boolean isHeldBy(KeyHolder holder) {
        return kind == Role.TERMINAL ? holder.isTerminal() && holder.terminalId().equals(terminalId)
                : kind == Role.MERCHANT && !holder.isTerminal() && holder.merchantId().equals(merchantId);
    }

    ConsumerChannel channel() {
        return channel;
    }

    Status status() {
        return status;
    }

    String issuedBy() {
        return issuedBy;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant rotatedAt() {
        return rotatedAt;
    }

    /** Until when the secret in force before the last rotation still works, or null when it stopped at once. */
    Instant previousValidUntil() {
        return previousValidUntil;
    }

    String revokedBy() {
        return revokedBy;
    }

    Instant revokedAt() {
        return revokedAt;
    }

    /** The identity the gateway signs for the services. The key id is the principal: it survives rotation. */
    private CallerIdentity identity(KeyHolder holder) {
        return new CallerIdentity(id, kind, holder == null ? null : holder.merchantId(), holder == null ? null : holder.storeId(),
                terminalId, channel == null ? null : channel.name());
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new DomainException(DomainException.Kind.CONFLICT, "CREDENTIAL_REVOKED", null,
                    "credential " + id + " is revoked");
        }
    }
}
