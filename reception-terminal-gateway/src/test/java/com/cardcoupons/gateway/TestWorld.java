package com.cardcoupons.gateway;

import com.cardcoupons.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The little world a gateway test needs in its database: two merchants with a store and a terminal each, and API
 * keys of every kind, stored as the admin API would store them (only the hash of the secret).
 */
public final class TestWorld {

    public static final UUID MERCHANT_A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    public static final UUID STORE_A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000011");
    public static final UUID TERMINAL_A = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000111");
    public static final UUID MERCHANT_B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000002");
    public static final UUID STORE_B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000022");
    public static final UUID TERMINAL_B = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000222");

    public static final String TERMINAL_A_KEY = "test-terminal-a.secret-of-terminal-a-0000000000000000";
    public static final String TERMINAL_B_KEY = "test-terminal-b.secret-of-terminal-b-0000000000000000";
    public static final String MERCHANT_A_KEY = "test-merchant-a.secret-of-merchant-a-0000000000000000";
    public static final String APPROVER_KEY = "test-approver.secret-of-the-approver-000000000000000000";
    public static final String APP_KEY = "test-mobile-app.secret-of-the-mobile-app-0000000000000";
    public static final String ADMIN_KEY = "test-admin.secret-of-the-platform-admin-00000000000000";

    private final JdbcClient jdbc;

    public TestWorld(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the world; each test class has a database of its own, so this runs once per class. */
    public TestWorld load() {
        if (jdbc.sql("select count(*) from merchant where id = ?").param(MERCHANT_A).query(Long.class).single() > 0) {
            return this;
        }
        jdbc.sql("insert into merchant (id, name) values (?, 'Merchant A'), (?, 'Merchant B')").params(MERCHANT_A, MERCHANT_B).update();
        jdbc.sql("""
                insert into store (id, merchant_id, code, name, mcc, time_zone)
                values (?, ?, 'A1', 'Store A', '5411', 'Asia/Tokyo'), (?, ?, 'B1', 'Store B', '5814', 'Asia/Tokyo')""")
                .params(STORE_A, MERCHANT_A, STORE_B, MERCHANT_B).update();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, 'TILL-1'), (?, ?, ?, 'TILL-1')")
                .params(TERMINAL_A, MERCHANT_A, STORE_A, TERMINAL_B, MERCHANT_B, STORE_B).update();
        key(TERMINAL_A_KEY, Role.TERMINAL, TERMINAL_A, null, null);
        key(TERMINAL_B_KEY, Role.TERMINAL, TERMINAL_B, null, null);
        key(MERCHANT_A_KEY, Role.MERCHANT, null, MERCHANT_A, null);
        key(APPROVER_KEY, Role.APPROVER, null, null, null);
        key(APP_KEY, Role.CONSUMER_CHANNEL, null, null, "MOBILE_APP");
        key(ADMIN_KEY, Role.PLATFORM_ADMIN, null, null, null);
        return this;
    }

    /** A campaign row of {@code merchant}, enough for the gateway's ownership check. */
    public UUID campaignOf(UUID merchant, String shortCode) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into campaign (id, merchant_id, short_code, state) values (?, ?, ?, 'PENDING_APPROVAL')")
                .params(id, merchant, shortCode).update();
        return id;
    }

    /** Adds a merchant with one store and one terminal of these ids, as registration-api would onboard them. */
    public static void newMerchant(JdbcClient jdbc, UUID merchant, UUID store, UUID terminal) {
        jdbc.sql("insert into merchant (id, name) values (?, ?)").params(merchant, "Merchant " + merchant).update();
        jdbc.sql("insert into store (id, merchant_id, code, name, mcc, time_zone) values (?, ?, 'S1', 'Store', '5411', 'Asia/Tokyo')")
                .params(store, merchant).update();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, 'TILL-1')").params(terminal, merchant, store).update();
    }

    /** Stores a new key of {@code merchant} with this key id, and answers it. */
    public static String newMerchantKey(JdbcClient jdbc, String keyId, UUID merchant) {
        String apiKey = keyId + ".secret-of-" + keyId + "-00000000000000000000000000";
        new TestWorld(jdbc).key(apiKey, Role.MERCHANT, null, merchant, null);
        return apiKey;
    }

    /** Stores a new key of {@code terminal} with this key id, and answers it. */
    public static String newTerminalKey(JdbcClient jdbc, String keyId, UUID terminal) {
        String apiKey = keyId + ".secret-of-" + keyId + "-00000000000000000000000000";
        new TestWorld(jdbc).key(apiKey, Role.TERMINAL, terminal, null, null);
        return apiKey;
    }

    private void key(String apiKey, Role kind, UUID terminal, UUID merchant, String channel) {
        String[] parts = apiKey.split("\\.", 2);
        jdbc.sql("""
                insert into api_credential (id, kind, label, terminal_id, merchant_id, channel, secret_hash, issued_by)
                values (?, ?, ?, ?, ?, ?, ?, 'test')""")
                .params(parts[0], kind.name(), parts[0], terminal, merchant, channel, sha256(parts[1])).update();
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Credentials for {@link com.cardcoupons.testsupport.ApiCaller}: the API key header. */
    public static java.util.function.BiFunction<String, String, java.util.Map<String, String>> withKey(String apiKey) {
        return (method, path) -> java.util.Map.of("X-Api-Key", apiKey);
    }
}
