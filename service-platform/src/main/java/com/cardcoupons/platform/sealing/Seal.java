package com.cardcoupons.platform.sealing;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Secrets a service must keep but a reader of the database must not learn (webhook signing secrets, answers kept for
 * replay that carry an API key): AES-256-GCM under a key from configuration, a fresh 96-bit nonce per value, stored
 * before the ciphertext and its tag. What a value is bound to (its row) may be given as associated data, so a sealed
 * value moved elsewhere no longer opens. The configured key is a passphrase of at least 32 characters; its SHA-256 is
 * the AES key.
 */
public final class Seal {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte[] UNBOUND = new byte[0];

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** Refuses a passphrase shorter than 32 characters, naming {@code setting} so the operator knows what to set. */
    public Seal(String passphrase, String setting) {
        if (passphrase == null || passphrase.length() < 32) {
            throw new IllegalArgumentException(setting + " must be set to at least 32 characters");
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(passphrase.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    public byte[] seal(byte[] value) {
        return seal(value, UNBOUND);
    }

    /** The nonce followed by the ciphertext and its tag; it opens only with the same {@code boundTo}. */
    public byte[] seal(byte[] value, String boundTo) {
        return seal(value, boundTo.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] open(byte[] sealed) {
        return open(sealed, UNBOUND);
    }

    /** The value; refused when it was sealed under another key or bound to something else. */
    public byte[] open(byte[] sealed, String boundTo) {
        return open(sealed, boundTo.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] seal(byte[] value, byte[] boundTo) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, boundTo, value, 0, value.length);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    private byte[] open(byte[] sealed, byte[] boundTo) {
        byte[] nonce = Arrays.copyOf(sealed, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, nonce, boundTo, sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private byte[] run(int mode, byte[] nonce, byte[] boundTo, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(boundTo);
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mode == Cipher.ENCRYPT_MODE ? "a value could not be sealed"
                    : "a sealed value does not open: sealed under another key, or bound to something else", e);
        }
    }

    @Override
    public String toString() {
        return "Seal[****]";
    }
}
