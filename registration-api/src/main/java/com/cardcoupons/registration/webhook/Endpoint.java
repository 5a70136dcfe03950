package com.cardcoupons.registration.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A merchant's webhook endpoint as stored: where deliveries go, which event types it takes, and its signing secret
 * sealed, with the secret it replaced while that one's grace period lasts.
 */
record Endpoint(UUID id, UUID merchantId, String url, List<String> eventTypes, String description, byte[] secret,
        byte[] previousSecret, Instant previousSecretUntil, Instant createdAt, Instant updatedAt) {

    /** The sealed secrets that sign a delivery sent at {@code now}: the current one, and the previous one in its grace. */
    List<byte[]> signingSecrets(Instant now) {
        List<byte[]> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretUntil.isAfter(now)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
