package com.cardcoupons.benchmarks;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Where the load goes and how it proves who it is: straight at the service with identity headers signed as the
 * gateway signs them, or at the gateway (or anything else) with fixed credential headers such as an API key.
 */
final class Target {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final Map<String, String> fixedHeaders;
    private final IdentitySigner signer;
    private final CallerIdentity terminal;
    final UUID merchantId;
    final UUID storeId;
    final UUID terminalId;

    private Target(String baseUrl, Map<String, String> fixedHeaders, IdentitySigner signer, UUID[] ids) {
        this.baseUrl = baseUrl;
        this.fixedHeaders = fixedHeaders;
        this.signer = signer;
        this.merchantId = ids[0];
        this.storeId = ids[1];
        this.terminalId = ids[2];
        this.terminal = CallerIdentity.terminal("terminal:bench", ids[0], ids[1], ids[2]);
    }

    static Target of(String baseUrl, Options options) {
        UUID[] ids = options.terminal() != null ? options.terminal()
                : new UUID[] {Dataset.merchantId(0), Dataset.storeId(0, 0), Dataset.terminalId(0, 0, 0)};
        IdentitySigner signer = options.headers().isEmpty()
                ? new IdentitySigner(options.gatewaySecret().getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC())
                : null;
        return new Target(baseUrl, options.headers(), signer, ids);
    }

    String baseUrl() {
        return baseUrl;
    }

    String credentials() {
        return signer != null ? "gateway identity headers signed by the harness" : "headers " + fixedHeaders.keySet();
    }

    /** Posts JSON and returns the status; the body is read and dropped. */
    int post(String path, String json, String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        (signer != null ? signer.sign(terminal, "POST", path) : fixedHeaders).forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
