package com.cardcoupons.localplatform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/**
 * Demo API keys for a local run: one per demo terminal and merchant, an approver, one per consumer channel and an
 * administrator. Their values are fixed and printed, so they are demo keys only. Stored as the gateway stores
 * every key: the key id, and the SHA-256 hash of the secret (see docs/gateway.md). Loaded idempotently.
 */
final class DemoCredentials {

    static final List<DemoKey> KEYS = List.of(
            DemoKey.terminal("demo-shibuya-till-1", "Sakura Mart Shibuya till 1", DemoData.SHIBUYA_TILL_1),
            DemoKey.terminal("demo-shibuya-till-2", "Sakura Mart Shibuya till 2", DemoData.SHIBUYA_TILL_2),
            DemoKey.terminal("demo-shinjuku-till-1", "Sakura Mart Shinjuku till 1", DemoData.SHINJUKU_TILL_1),
            DemoKey.terminal("demo-yokohama-till-1", "Harbor Cafe Yokohama till 1", DemoData.YOKOHAMA_TILL_1),
            DemoKey.merchant("demo-sakura-mart", "Sakura Mart back office", DemoData.SAKURA_MART),
            DemoKey.merchant("demo-harbor-cafe", "Harbor Cafe back office", DemoData.HARBOR_CAFE),
            DemoKey.plain("demo-approver", "APPROVER", "Campaign approver"),
            DemoKey.channel("demo-mobile-app", "Coupons mobile app", "MOBILE_APP"),
            DemoKey.channel("demo-web", "Coupons web site", "WEB"),
            DemoKey.channel("demo-tv", "Digital broadcast receiver", "DIGITAL_BROADCAST"),
            DemoKey.plain("demo-admin", "PLATFORM_ADMIN", "Platform administrator"));

    /** The administrator's key, which onboards the demo's merchants, stores and terminals through the API. */
    static final DemoKey ADMINISTRATOR = KEYS.get(KEYS.size() - 1);

    /** Only the administrator's key: the others need the merchants and terminals they are bound to. */
    void loadAdministrator(Connection connection) throws SQLException {
        load(connection, List.of(ADMINISTRATOR));
    }

    void load(Connection connection) throws SQLException {
        load(connection, KEYS);
    }

    private void load(Connection connection, List<DemoKey> keys) throws SQLException {
        connection.setAutoCommit(false);
        for (DemoKey key : keys) {
            DemoData.update(connection, """
                    insert into api_credential (id, kind, label, terminal_id, merchant_id, channel, secret_hash, issued_by)
                    values (?, ?, ?, ?, ?, ?, ?, 'demo-data')
                    on conflict (id) do nothing""",
                    key.id(), key.kind(), key.label(), key.terminal(), key.merchant(), key.channel(), sha256(key.secret()));
        }
        connection.commit();
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    /** A demo key: what it stands for, and its fixed secret. */
    record DemoKey(String id, String kind, String label, UUID terminal, UUID merchant, String channel) {

        static DemoKey terminal(String id, String label, UUID terminal) {
            return new DemoKey(id, "TERMINAL", label, terminal, null, null);
        }

        static DemoKey merchant(String id, String label, UUID merchant) {
            return new DemoKey(id, "MERCHANT", label, null, merchant, null);
        }

        static DemoKey channel(String id, String label, String channel) {
            return new DemoKey(id, "CONSUMER_CHANNEL", label, null, null, channel);
        }

        static DemoKey plain(String id, String kind, String label) {
            return new DemoKey(id, kind, label, null, null, null);
        }

        String secret() {
            return "demo-only-insecure-secret-of-" + id;
        }

        /** The value of the X-Api-Key header. */
        String apiKey() {
            return id + "." + secret();
        }
    }
}
