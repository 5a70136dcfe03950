package com.cardcoupons.gateway.credential;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The credentials this gateway instance authenticated with lately, so that a call needs no database round trip. An
 * entry, or the knowledge that no credential has a key id, is kept for at most the time-to-live, and only while the
 * instance hears of every change ({@link CredentialChanges}): a change of a credential, of its terminal or of its
 * merchant forgets it at once on every instance. Without the notifications every call reads its credential afresh, as it would without
 * this class, so the time-to-live bounds how long a lost notification can keep a revoked key working.
 */
public class KnownCredentials {

    private final Credentials credentials;
    private final KeyHolders holders;
    private final Cache<String, Optional<BoundCredential>> known;
    // counts what was forgotten: a read that began before a change is not kept, as it may predate the change
    private final AtomicLong forgettings = new AtomicLong();
    private final Object forgetting = new Object();
    private volatile boolean informed;

    KnownCredentials(Credentials credentials, KeyHolders holders, CredentialProperties.Cache settings) {
        this.credentials = credentials;
        this.holders = holders;
        this.known = Caffeine.newBuilder()
                .maximumSize(settings.maximumSize())
                .expireAfterWrite(settings.timeToLive())
                .recordStats()
                .build();
    }

    /** The credential with this key id and its holder, from memory when known, else read from the database. */
    public Optional<BoundCredential> find(String keyId) {
        Optional<BoundCredential> remembered = known.getIfPresent(keyId);
        if (remembered != null) {
            return remembered;
        }
        long before = forgettings.get();
        Optional<BoundCredential> read = credentials.find(keyId)
                .map(credential -> new BoundCredential(credential, holders.of(credential).orElse(null)));
        synchronized (forgetting) {
            if (informed && forgettings.get() == before) {
                known.put(keyId, read);
            }
        }
        return read;
    }

    Cache<String, Optional<BoundCredential>> cache() {
        return known;
    }

    /** Whether a call can be authenticated from memory: only while every change is heard of. */
    boolean informed() {
        return informed;
    }

    void forget(String keyId) {
        synchronized (forgetting) {
            forgettings.incrementAndGet();
            known.invalidate(keyId);
        }
    }

    void forgetTerminal(UUID terminalId) {
        synchronized (forgetting) {
            forgettings.incrementAndGet();
            known.asMap().values().removeIf(credential -> credential.isPresent()
                    && terminalId.equals(credential.get().terminalId()));
        }
    }

    /** Forgets the keys of the merchant and of its terminals. */
    void forgetMerchant(UUID merchantId) {
        synchronized (forgetting) {
            forgettings.incrementAndGet();
            known.asMap().values().removeIf(credential -> credential.isPresent()
                    && merchantId.equals(credential.get().merchantId()));
        }
    }

    void forgetAll() {
        synchronized (forgetting) {
            forgettings.incrementAndGet();
            known.invalidateAll();
        }
    }

    /** From now on every change is heard of: what is read may be kept. Anything kept before may be stale. */
    void informed(boolean informed) {
        synchronized (forgetting) {
            forgettings.incrementAndGet();
            known.invalidateAll();
            this.informed = informed;
        }
    }
}
