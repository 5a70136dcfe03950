package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.CallerIdentity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A credential with its holder (the terminal or merchant it acts for, as registration-api publishes it; null for the
 * kinds bound to neither), read together: what authenticating a key needs, and what is kept in memory.
 */
public record BoundCredential(Credential credential, KeyHolder holder) {

    /** The identity the key proves with {@code secret} at {@code now}; see {@link Credential#authenticate}. */
    public Optional<CallerIdentity> authenticate(String secret, Instant now) {
        return credential.authenticate(secret, holder, now);
    }

    /** The merchant the key acts for: a merchant key's, or its terminal's. */
    UUID merchantId() {
        return holder != null ? holder.merchantId() : credential.merchantId();
    }

    UUID storeId() {
        return holder == null ? null : holder.storeId();
    }

    UUID terminalId() {
        return credential.terminalId();
    }
}
