package com.cardcoupons.benchmarks;

import com.cardcoupons.model.schema.DatabaseRole;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The reception-terminal gateway in front of the coupon-server under test, as tills reach it: its own JVM from its
 * executable jar, on the benchmark database, with an API key issued to each merchant's first till (the bench till is
 * merchant 0's), where every coupon of the merchant can be used. The keys are written straight into the gateway's
 * credential table (a SHA-256 of the secret, as the gateway stores it), so the run needs no administrator key.
 */
final class BenchGateway implements AutoCloseable {

    private final ServiceProcess process;
    private final String[] apiKeys;

    private BenchGateway(ServiceProcess process, String[] apiKeys) {
        this.process = process;
        this.apiKeys = apiKeys;
    }

    static BenchGateway start(BenchDatabase database, Options options, String couponServerUrl) throws SQLException {
        String[] apiKeys = issueTerminalKeys(database);
        List<String> arguments = new ArrayList<>(database.connectionArguments(DatabaseRole.GATEWAY));
        arguments.addAll(List.of(
                "--coupons.card-token.key=" + options.cardTokenKey(),
                "--coupons.gateway-trust.shared-secret=" + options.gatewaySecret(),
                "--coupons.gateway.routing.services.coupon-server=" + couponServerUrl,
                // every call is logged, as in production (the harness quiets its services' other logs)
                "--logging.level.com.cardcoupons.gateway.access=INFO",
                // one key stands for every load client, so a per-terminal limit would measure itself, not the gateway
                "--coupons.gateway.rate-limit.roles.TERMINAL.capacity=1000000"));
        ServiceProcess process = ServiceProcess.start(options.repository(), "reception-terminal-gateway",
                options.gatewayJvm(), arguments);
        return new BenchGateway(process, apiKeys);
    }

    String url() {
        return process.url();
    }

    ProcessHandle process() {
        return process.handle();
    }

    /** The {@code X-Api-Key} header of this merchant's first till, as {@code --header} would give it. */
    String apiKeyHeader(int merchant) {
        return "X-Api-Key: " + apiKeys[merchant];
    }

    @Override
    public void close() {
        process.close();
    }

    private static String[] issueTerminalKeys(BenchDatabase database) throws SQLException {
        String[] apiKeys = new String[Dataset.MERCHANTS];
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement insert = connection.prepareStatement("""
                     insert into api_credential (id, kind, label, terminal_id, secret_hash, issued_by)
                     values (?, 'TERMINAL', 'benchmark till', ?, ?, 'benchmarks')
                     on conflict (id) do update set secret_hash = excluded.secret_hash""")) {
            for (int merchant = 0; merchant < Dataset.MERCHANTS; merchant++) {
                String keyId = "bench-till-" + merchant;
                String secret = newSecret();
                insert.setString(1, keyId);
                insert.setObject(2, Dataset.terminalId(merchant, 0, 0));
                insert.setBytes(3, sha256(secret));
                insert.addBatch();
                apiKeys[merchant] = keyId + "." + secret;
            }
            insert.executeBatch();
        }
        return apiKeys;
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
