package com.cardcoupons.gateway.credential;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A credential the gateway authenticates callers with: what kind of caller it stands for, what it is bound to, the
 * hash of its secret (and, for a while after a rotation, of the previous one), and whether it is still in force.
 * A terminal's merchant and store come from its terminal row, and a decommissioned terminal's key no longer works.
 */
public record Credential(
        String id,
        Role kind,
        String label,
        Binding binding,
        SecretHash secretHash,
        SecretHash previousSecretHash,
        Instant previousValidUntil,
        Status status,
        String issuedBy,
        Instant issuedAt,
        Instant rotatedAt,
        String revokedBy,
        Instant revokedAt) {

    /** Whether a credential may still be used. */
    public enum Status { ACTIVE, REVOKED }

    /** What a credential is bound to: a terminal (with its merchant, store and state), a merchant, or a channel. */
    public record Binding(UUID terminalId, UUID merchantId, UUID storeId, boolean terminalActive, ConsumerChannel channel) {

        static final Binding NONE = new Binding(null, null, null, false, null);

        static Binding terminal(UUID terminalId, UUID merchantId, UUID storeId, boolean active) {
            return new Binding(terminalId, merchantId, storeId, active, null);
        }

        static Binding merchant(UUID merchantId) {
            return new Binding(null, merchantId, null, false, null);
        }

        static Binding channel(ConsumerChannel channel) {
            return new Binding(null, null, null, false, channel);
        }
    }

    /** A new, active credential for {@code key}. */
    static Credential issue(ApiKey key, Role kind, String label, Binding binding, String issuedBy, Instant now) {
        return new Credential(key.keyId(), kind, label, binding, SecretHash.of(key.secret()), null, null,
                Status.ACTIVE, issuedBy, now, null, null, null);
    }

    /**
     * The identity this credential proves when presented with {@code secret} at {@code now}, or empty when the
     * secret is wrong, the credential is revoked, or its terminal is decommissioned. Both hashes are always
     * compared, so the answer takes the same time whichever of them matches.
     */
    public Optional<CallerIdentity> authenticate(String secret, Instant now) {
        boolean current = secretHash.matches(secret);
        boolean previous = previousSecretHash != null && previousSecretHash.matches(secret)
                && now.isBefore(previousValidUntil);
        if (!(current || previous) || status != Status.ACTIVE) {
            return Optional.empty();
        }
        if (kind == Role.TERMINAL && !binding.terminalActive()) {
            return Optional.empty();
        }
        return Optional.of(identity());
    }

    /** The identity the gateway signs for the services. The key id is the principal: it survives rotation. */
    public CallerIdentity identity() {
        return new CallerIdentity(id, kind, binding.merchantId(), binding.storeId(), binding.terminalId(),
                binding.channel() == null ? null : binding.channel().name());
    }

    /**
     * The credential with {@code newSecret} in force; the current secret keeps working for {@code overlap} (zero:
     * it stops at once). A secret still overlapping from an earlier rotation stops now.
     */
    Credential rotate(SecretHash newSecret, Duration overlap, Instant now) {
        requireActive();
        boolean keepPrevious = !overlap.isZero();
        return new Credential(id, kind, label, binding, newSecret,
                keepPrevious ? secretHash : null, keepPrevious ? now.plus(overlap) : null,
                status, issuedBy, issuedAt, now, null, null);
    }

    /** The credential revoked: neither its secret nor an overlapping previous one works any more. */
    Credential revoke(String by, Instant now) {
        requireActive();
        return new Credential(id, kind, label, binding, secretHash, null, null,
                Status.REVOKED, issuedBy, issuedAt, rotatedAt, by, now);
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw new DomainException(DomainException.Kind.CONFLICT, "CREDENTIAL_REVOKED", null,
                    "credential " + id + " is revoked");
        }
    }
}
