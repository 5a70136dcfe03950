package com.cardcoupons.benchmarks;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentityHeaders;
import com.cardcoupons.platform.identity.IdentitySigner;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the load goes and how it proves who it is: straight at the service with identity headers signed as the
 * gateway signs them, or at the gateway (or anything else) with fixed credential headers such as an API key. Each load
 * client has its own keep-alive {@link HttpConnection}, and what every request to a path sends before its own headers
 * is encoded once, so the load costs little CPU of the machine it measures.
 */
final class Target implements AutoCloseable {

    private final String baseUrl;
    private final Map<String, String> fixedHeaders;
    private final IdentitySigner signer;
    private final Clock clock;
    private final CallerIdentity identity;
    private final String host;
    private final String basePath;
    private final HttpConnection[] connections;
    private final Map<String, Route> routes = new ConcurrentHashMap<>();
    final UUID merchantId;
    final UUID storeId;
    final UUID terminalId;

    /**
     * A target for {@code clients} load clients, numbered from 0; with a signer (and no fixed headers) it signs
     * identities with the signer's clock, which must be {@code clock}.
     */
    Target(String baseUrl, Map<String, String> fixedHeaders, IdentitySigner signer, Clock clock, UUID[] ids, int clients) {
        URI uri = URI.create(baseUrl);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the load speaks plain HTTP to a host, not to " + baseUrl);
        }
        int port = uri.getPort() < 0 ? 80 : uri.getPort();
        this.baseUrl = baseUrl;
        this.fixedHeaders = fixedHeaders;
        this.signer = signer;
        this.clock = clock;
        this.merchantId = ids[0];
        this.storeId = ids[1];
        this.terminalId = ids[2];
        this.identity = CallerIdentity.terminal("terminal:bench", merchantId, storeId, terminalId);
        this.host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + port;
        this.basePath = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.connections = new HttpConnection[clients];
        for (int client = 0; client < clients; client++) {
            connections[client] = new HttpConnection(uri.getHost(), port);
        }
    }

    static Target of(String baseUrl, Options options) {
        return of(baseUrl, options.headers(), options);
    }

    /** A target that is sent these credential headers; with none, the harness signs identities as the gateway. */
    static Target of(String baseUrl, Map<String, String> headers, Options options) {
        UUID[] ids = options.terminal() != null ? options.terminal()
                : new UUID[] {Dataset.merchantId(0), Dataset.storeId(0, 0), Dataset.terminalId(0, 0, 0)};
        return as(baseUrl, headers, ids, options);
    }

    /** A target that is sent these credential headers as the first till of a seeded merchant. */
    static Target asFirstTillOf(int merchant, String baseUrl, Map<String, String> headers, Options options) {
        return as(baseUrl, headers,
                new UUID[] {Dataset.merchantId(merchant), Dataset.storeId(merchant, 0), Dataset.terminalId(merchant, 0, 0)},
                options);
    }

    private static Target as(String baseUrl, Map<String, String> headers, UUID[] ids, Options options) {
        Clock clock = Clock.systemUTC();
        IdentitySigner signer = headers.isEmpty()
                ? new IdentitySigner(options.gatewaySecret().getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), clock)
                : null;
        return new Target(baseUrl, headers, signer, clock, ids, options.threads());
    }

    String baseUrl() {
        return baseUrl;
    }

    String credentials() {
        return signer != null ? "gateway identity headers signed by the harness" : "headers " + fixedHeaders.keySet();
    }

    /** Where the load went and how it proved who it is, for the report. */
    String describe() {
        return baseUrl + ", " + credentials();
    }

    /**
     * Posts JSON as the target's terminal on load client {@code client}'s connection and returns the status; the
     * body of the answer is read and dropped.
     */
    int post(int client, String path, String json, String idempotencyKey) throws IOException {
        Route route = routes.get(path);
        if (route == null) {
            route = routes.computeIfAbsent(path, Route::new);
        }
        HttpConnection connection = connections[client].start(route.head);
        if (signer != null) {
            connection.append(route.identityHeaders());
        }
        if (idempotencyKey != null) {
            connection.header("Idempotency-Key", idempotencyKey);
        }
        return connection.send(json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        for (HttpConnection connection : connections) {
            connection.close();
        }
    }

    /** What every request to one path sends before its own headers. */
    private final class Route {

        private final String path;
        private final byte[] head;
        private volatile Signed signed = new Signed(Long.MIN_VALUE, new byte[0]);

        Route(String path) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=UTF-8");
            headers.putAll(fixedHeaders);
            this.path = path;
            this.head = HttpConnection.head("POST", basePath + path, host, headers);
        }

        /**
         * Identity headers signed for this path in the current second: an HMAC a second rather than one a request,
         * well within the minute the service accepts a signature for. Two clients may both sign as a second turns;
         * either result is as good.
         */
        byte[] identityHeaders() {
            long second = Math.floorDiv(clock.millis(), 1000L);
            Signed current = signed;
            if (current.issuedAt() != second) {
                Map<String, String> headers = signer.sign(identity, "POST", path);
                current = new Signed(Long.parseLong(headers.get(IdentityHeaders.ISSUED_AT)), HttpConnection.headerLines(headers));
                signed = current;
            }
            return current.headers();
        }
    }

    private record Signed(long issuedAt, byte[] headers) {
    }
}
