package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.Role;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An API key as a client presents it in {@code X-Api-Key}: {@code <key id>.<secret>}. The key id names the
 * credential and may be logged; the secret is shown once, when issued or rotated, and never again.
 */
public record ApiKey(String keyId, String secret) {

    public static final String HEADER = "X-Api-Key";

    static final Pattern KEY_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{2,63}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{32,128}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    public ApiKey {
        if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
            throw new IllegalArgumentException("a key id is 3 to 64 lower-case letters, digits, '-' or '_'");
        }
        if (secret == null || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("a secret is 32 to 128 URL-safe base64 characters");
        }
    }

    /** The key a header carries, or empty when it does not have the shape of one. */
    public static Optional<ApiKey> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        int dot = header.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String keyId = header.substring(0, dot);
        String secret = header.substring(dot + 1);
        if (!KEY_ID.matcher(keyId).matches() || !SECRET.matcher(secret).matches()) {
            return Optional.empty();
        }
        return Optional.of(new ApiKey(keyId, secret));
    }

    /** A new key for a credential of this kind: a readable prefix, 16 random id characters, 256 random bits. */
    static ApiKey generate(Role kind) {
        StringBuilder id = new StringBuilder(prefix(kind)).append('_');
        for (int i = 0; i < 16; i++) {
            id.append(ID_ALPHABET[RANDOM.nextInt(ID_ALPHABET.length)]);
        }
        return new ApiKey(id.toString(), newSecret());
    }

    /** The key of an existing credential with a fresh secret. */
    static ApiKey withNewSecret(String keyId) {
        return new ApiKey(keyId, newSecret());
    }

    /** The header value, to hand to the caller exactly once. */
    public String value() {
        return keyId + "." + secret;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String prefix(Role kind) {
        return switch (kind) {
            case TERMINAL -> "trm";
            case MERCHANT -> "mch";
            case APPROVER -> "apr";
            case CONSUMER_CHANNEL -> "chn";
            case PLATFORM_ADMIN -> "adm";
        };
    }

    @Override
    public String toString() {
        return "ApiKey[" + keyId + ".****]";
    }
}
