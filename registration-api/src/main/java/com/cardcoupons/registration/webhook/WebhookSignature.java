package com.cardcoupons.registration.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The {@code Webhook-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, with one
 * {@code v1} per secret in force (two during a rotation's grace period). A receiver accepts a delivery when one
 * {@code v1} matches the HMAC under its secret and {@code t} is within its tolerance of its own clock: an old
 * delivery replayed is refused even though its signature is genuine.
 */
public final class WebhookSignature {

    public static final String HEADER = "Webhook-Signature";
    public static final String EVENT_ID_HEADER = "Webhook-Id";

    private WebhookSignature() {
    }

    /** The header's value for {@code body} sent at {@code at}, signed with each of {@code secrets}. */
    public static String header(Instant at, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs");
        }
        long t = at.getEpochSecond();
        StringBuilder header = new StringBuilder("t=").append(t);
        secrets.forEach(secret -> header.append(",v1=").append(hmac(secret, t + "." + body)));
        return header.toString();
    }

    /**
     * The documented check a receiver makes: the header is well formed, its timestamp is no further than
     * {@code tolerance} from {@code now}, and one of its {@code v1} values is the HMAC of {@code "t.body"} under
     * {@code secret}, compared in constant time.
     */
    public static Verdict verify(String header, String body, String secret, Instant now, Duration tolerance) {
        if (header == null) {
            return Verdict.MALFORMED;
        }
        Long t = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                return Verdict.MALFORMED;
            }
            if (pair[0].equals("t")) {
                try {
                    t = Long.parseLong(pair[1]);
                } catch (NumberFormatException notANumber) {
                    return Verdict.MALFORMED;
                }
            } else if (pair[0].equals("v1")) {
                signatures.add(pair[1]);
            }
        }
        if (t == null || signatures.isEmpty()) {
            return Verdict.MALFORMED;
        }
        if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(tolerance) > 0) {
            return Verdict.TIMESTAMP_OUTSIDE_TOLERANCE;
        }
        byte[] expected = hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII);
        for (String signature : signatures) {
            if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
                return Verdict.VALID;
            }
        }
        return Verdict.SIGNATURE_MISMATCH;
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    /** What a receiver's check concluded. */
    public enum Verdict { VALID, MALFORMED, TIMESTAMP_OUTSIDE_TOLERANCE, SIGNATURE_MISMATCH }
}
