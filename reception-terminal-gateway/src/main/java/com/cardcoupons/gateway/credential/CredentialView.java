package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.Role;

import java.time.Instant;
import java.util.UUID;

/** A credential as the admin API shows it: everything but its secret and hashes. */
record CredentialView(
        String id,
        Role kind,
        String label,
        UUID merchantId,
        UUID storeId,
        UUID terminalId,
        ConsumerChannel channel,
        Credential.Status status,
        String issuedBy,
        Instant issuedAt,
        Instant rotatedAt,
        Instant previousSecretValidUntil,
        String revokedBy,
        Instant revokedAt) {

    static CredentialView of(BoundCredential bound) {
        Credential credential = bound.credential();
        return new CredentialView(credential.id(), credential.kind(), credential.label(), bound.merchantId(),
                bound.storeId(), credential.terminalId(), credential.channel(), credential.status(),
                credential.issuedBy(), credential.issuedAt(), credential.rotatedAt(), credential.previousValidUntil(),
                credential.revokedBy(), credential.revokedAt());
    }
}
