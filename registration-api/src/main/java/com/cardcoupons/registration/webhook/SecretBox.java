package com.cardcoupons.registration.webhook;

import com.cardcoupons.platform.sealing.Seal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Endpoint secrets at rest: sealed under a key from configuration ({@code coupons.webhooks.secret-key}), so a reader
 * of the database cannot sign. New secrets are 32 random bytes, given to the merchant as {@code whsec_<base64url>}.
 */
@Component
public final class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Seal seal;

    @Autowired
    SecretBox(WebhookProperties properties) {
        this(properties.secretKey());
    }

    public SecretBox(String configuredKey) {
        this.seal = new Seal(configuredKey, "coupons.webhooks.secret-key");
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public byte[] seal(String secret) {
        return seal.seal(secret.getBytes(StandardCharsets.UTF_8));
    }

    public String open(byte[] sealed) {
        return new String(seal.open(sealed), StandardCharsets.UTF_8);
    }
}
