package com.cardcoupons.platform.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Signs and verifies identity headers with HMAC-SHA256 over the identity, the time it was issued, the HTTP method
 * and the path, so a captured set of headers is good for one call shape and a short while only.
 */
public final class IdentitySigner {

    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final Duration maxAge;
    private final Clock clock;
    // a keyed Mac per thread: every API call signs or verifies once
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);

    public IdentitySigner(byte[] secret, Duration maxAge, Clock clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("the gateway shared secret must have at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The headers to send for {@code identity} on a call of {@code method} to {@code path}. */
    public Map<String, String> sign(CallerIdentity identity, String method, String path) {
        String issuedAt = Long.toString(clock.instant().getEpochSecond());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.PRINCIPAL, identity.principal());
        headers.put(IdentityHeaders.ROLE, identity.role().name());
        putIfPresent(headers, IdentityHeaders.MERCHANT, identity.merchantId());
        putIfPresent(headers, IdentityHeaders.STORE, identity.storeId());
        putIfPresent(headers, IdentityHeaders.TERMINAL, identity.terminalId());
        if (identity.channel() != null) {
            headers.put(IdentityHeaders.CHANNEL, identity.channel());
        }
        headers.put(IdentityHeaders.ISSUED_AT, issuedAt);
        headers.put(IdentityHeaders.SIGNATURE, mac(canonical(headers::get, method, path)));
        return headers;
    }

    /** The identity the headers prove, or empty when they are missing, forged, altered or too old. */
    public Optional<CallerIdentity> verify(UnaryOperator<String> header, String method, String path) {
        String signature = header.apply(IdentityHeaders.SIGNATURE);
        String issuedAt = header.apply(IdentityHeaders.ISSUED_AT);
        if (signature == null || issuedAt == null || !fresh(issuedAt)) {
            return Optional.empty();
        }
        byte[] expected = mac(canonical(header, method, path)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new CallerIdentity(
                    header.apply(IdentityHeaders.PRINCIPAL),
                    Role.valueOf(header.apply(IdentityHeaders.ROLE)),
                    uuid(header.apply(IdentityHeaders.MERCHANT)),
                    uuid(header.apply(IdentityHeaders.STORE)),
                    uuid(header.apply(IdentityHeaders.TERMINAL)),
                    header.apply(IdentityHeaders.CHANNEL)));
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    private boolean fresh(String issuedAt) {
        try {
            Instant issued = Instant.ofEpochSecond(Long.parseLong(issuedAt));
            Duration age = Duration.between(issued, clock.instant()).abs();
            return age.compareTo(maxAge) <= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String canonical(UnaryOperator<String> header, String method, String path) {
        return String.join("\n", "v1",
                nullToEmpty(header.apply(IdentityHeaders.PRINCIPAL)),
                nullToEmpty(header.apply(IdentityHeaders.ROLE)),
                nullToEmpty(header.apply(IdentityHeaders.MERCHANT)),
                nullToEmpty(header.apply(IdentityHeaders.STORE)),
                nullToEmpty(header.apply(IdentityHeaders.TERMINAL)),
                nullToEmpty(header.apply(IdentityHeaders.CHANNEL)),
                nullToEmpty(header.apply(IdentityHeaders.ISSUED_AT)),
                method, path);
    }

    private String mac(String canonical) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(macs.get().doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static void putIfPresent(Map<String, String> headers, String name, UUID value) {
        if (value != null) {
            headers.put(name, value.toString());
        }
    }

    private static UUID uuid(String value) {
        return value == null ? null : UUID.fromString(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
