package com.cardcoupons.gateway.credential;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * Seals an answer kept for replay, which may hold a key's secret, so that a reader of the database learns nothing of
 * it: AES-256-GCM under a key from configuration, a fresh 96-bit nonce per answer, and the row it belongs to as
 * associated data, so a sealed answer moved to another row no longer opens. The configured key is a passphrase of
 * at least 32 characters; its SHA-256 is the AES key.
 */
final class AnswerSeal {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    AnswerSeal(String passphrase) {
        if (passphrase == null || passphrase.length() < 32) {
            throw new IllegalStateException("coupons.gateway.credentials.replay-key must be set to at least 32 characters");
        }
        try {
            key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(passphrase.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** The nonce followed by the ciphertext and its tag. */
    byte[] seal(byte[] answer, String row) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, row, answer, 0, answer.length);
        return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    }

    /** The answer sealed for {@code row}; refused when it was sealed under another key or for another row. */
    byte[] open(byte[] sealed, String row) {
        byte[] nonce = java.util.Arrays.copyOf(sealed, NONCE_BYTES);
        return run(Cipher.DECRYPT_MODE, nonce, row, sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    private byte[] run(int mode, byte[] nonce, String row, byte[] input, int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(row.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input, offset, length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a replayable answer could not be " + (mode == Cipher.ENCRYPT_MODE
                    ? "sealed" : "opened: it was sealed under another replay key, or for another row"), e);
        }
    }

    @Override
    public String toString() {
        return "AnswerSeal[****]";
    }
}
