package com.cardcoupons.benchmarks;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentitySigner;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Where the load goes and how it proves who it is: straight at the service with identity headers signed as the
 * gateway signs them, or at the gateway (or anything else) with fixed credential headers such as an API key. A
 * blocking, pooled HTTP/1.1 client keeps one connection per load client, so the client costs little CPU.
 */
final class Target implements AutoCloseable {

    private final String baseUrl;
    private final Map<String, String> fixedHeaders;
    private final IdentitySigner signer;
    private final CloseableHttpClient http;
    final UUID merchantId;
    final UUID storeId;
    final UUID terminalId;

    private Target(String baseUrl, Map<String, String> fixedHeaders, IdentitySigner signer, UUID[] ids, int clients) {
        this.baseUrl = baseUrl;
        this.fixedHeaders = fixedHeaders;
        this.signer = signer;
        this.merchantId = ids[0];
        this.storeId = ids[1];
        this.terminalId = ids[2];
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(clients)
                        .setMaxConnPerRoute(clients)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .build();
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
        IdentitySigner signer = headers.isEmpty()
                ? new IdentitySigner(options.gatewaySecret().getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5), Clock.systemUTC())
                : null;
        return new Target(baseUrl, headers, signer, ids, options.threads());
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

    /** Posts JSON as the target's terminal and returns the status; the body is read and dropped. */
    int post(String path, String json, String idempotencyKey) throws IOException {
        HttpPost request = new HttpPost(baseUrl + path);
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        if (idempotencyKey != null) {
            request.setHeader("Idempotency-Key", idempotencyKey);
        }
        Map<String, String> credentials = signer != null
                ? signer.sign(CallerIdentity.terminal("terminal:bench", merchantId, storeId, terminalId), "POST", path)
                : fixedHeaders;
        credentials.forEach(request::setHeader);
        return http.execute(request, response -> {
            EntityUtils.consume(response.getEntity());
            return response.getCode();
        });
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
