package com.cardcoupons.gateway.credential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The SHA-256 hash a key's secret is stored as. Secrets are 256-bit random values, so a slow password hash would
 * add latency at the till without adding strength; comparison is in constant time.
 */
record SecretHash(byte[] bytes) {

    SecretHash {
        if (bytes == null || bytes.length != 32) {
            throw new IllegalArgumentException("a secret hash has 32 bytes");
        }
        bytes = bytes.clone();
    }

    static SecretHash of(String secret) {
        try {
            return new SecretHash(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    boolean matches(String secret) {
        return MessageDigest.isEqual(bytes, of(secret).bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretHash that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "SecretHash[****]";
    }
}
