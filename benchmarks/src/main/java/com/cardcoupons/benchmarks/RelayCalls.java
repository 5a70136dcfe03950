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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The calls of the relay benchmark, each as a terminal of the {@link RelayWorld} (load client {@code n} is till
 * {@code n}, with identity headers signed as the gateway signs them): a payment at the relay, and each of its two
 * legs alone, the coupon search (through the same delaying proxy the relay goes through) and the authorization. What
 * each payment was told is counted, so a phase shows it did what it claims to measure.
 */
final class RelayCalls implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXPIRY = "2031-12";
    private static final String AMOUNT = "{\"amountMinor\":1000,\"currency\":\"JPY\"}";
    private static final String BASKET = "[{\"sku\":\"BENCH-1\",\"category\":\"GROCERY\",\"quantity\":1,\"unitPrice\":" + AMOUNT + "}]";

    private final CloseableHttpClient http;
    private final IdentitySigner signer;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicInteger cardsWithoutCoupons = new AtomicInteger();
    private final AtomicInteger cardsWithCoupons = new AtomicInteger();
    private final AtomicInteger payments = new AtomicInteger();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final int couponCards;

    RelayCalls(RelayOptions options) {
        this.couponCards = options.couponCards();
        this.signer = new IdentitySigner(options.gatewaySecret().getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5),
                Clock.systemUTC());
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(options.threads() * 3)
                        .setMaxConnPerRoute(options.threads())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(Timeout.ofSeconds(30))
                                .build())
                        .build())
                .disableAutomaticRetries()
                .build();
    }

    /** The coupon search alone, as the relay sends it, for a card without coupons. */
    LoadRun.Call search(String couponServerUrl) {
        return client -> post(couponServerUrl, "/api/v1/searches", client, null, """
                {"medium":{"type":"CREDIT","cardNumber":"%s"},"intendedUse":%s,"explain":false}"""
                .formatted(RelayWorld.cardWithoutCoupons(cardsWithoutCoupons.getAndIncrement()), intendedUse(client))).status();
    }

    /** The full-amount authorization alone, as the relay sends it, for a card of its own. */
    LoadRun.Call authorization(String settlementCenterUrl) {
        return client -> {
            Reply reply = post(settlementCenterUrl, "/acquirer/v1/authorizations", -1, null, """
                    {"authorizationId":"%s","acceptor":{"merchantId":"%s","terminalId":"%s"},
                     "card":{"number":"%s","expiry":"%s"},"amount":%s}"""
                    .formatted(UUID.randomUUID(), RelayWorld.MERCHANT, RelayWorld.terminal(client),
                            RelayWorld.cardWithoutCoupons(cardsWithoutCoupons.getAndIncrement()), EXPIRY, AMOUNT));
            count(reply.status() == 200 ? JSON.readTree(reply.body()).path("result").asString() : "HTTP " + reply.status());
            return reply.status();
        };
    }

    /** A payment of 1,000 JPY at the relay, with a card carrying a coupon of 10 % off, or none. */
    LoadRun.Call payment(String relayUrl, boolean withCoupon) {
        return client -> {
            String card;
            if (withCoupon) {
                int n = cardsWithCoupons.getAndIncrement();
                if (n >= couponCards) {
                    return -1;
                }
                card = RelayWorld.cardWithCoupon(n);
            } else {
                card = RelayWorld.cardWithoutCoupons(cardsWithoutCoupons.getAndIncrement());
            }
            String transaction = "R" + run + "-" + payments.getAndIncrement();
            Reply reply = post(relayUrl, "/api/v1/payments", client, transaction, """
                    {"transactionId":"%s","merchantId":"%s","storeId":"%s","terminalId":"%s",
                     "card":{"number":"%s","expiry":"%s"},"amount":%s,"basket":%s}"""
                    .formatted(transaction, RelayWorld.MERCHANT, RelayWorld.STORE, RelayWorld.terminal(client), card, EXPIRY,
                            AMOUNT, BASKET));
            if (reply.status() == 201) {
                JsonNode outcome = JSON.readTree(reply.body());
                count(outcome.path("result").asString() + ", coupon " + outcome.path("coupon").path("status").asString());
            } else {
                count("HTTP " + reply.status());
            }
            return reply.status();
        };
    }

    /** What the calls were answered since the last time this was asked, by answer. */
    Map<String, Long> takeOutcomes() {
        Map<String, Long> taken = new TreeMap<>();
        outcomes.forEach((outcome, count) -> taken.put(outcome, count.sumThenReset()));
        taken.values().removeIf(count -> count == 0);
        return taken;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    private String intendedUse(int client) {
        return "{\"merchantId\":\"%s\",\"storeId\":\"%s\",\"terminalId\":\"%s\",\"amount\":%s,\"basket\":%s}"
                .formatted(RelayWorld.MERCHANT, RelayWorld.STORE, RelayWorld.terminal(client), AMOUNT, BASKET);
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
    }

    /** Posts JSON, signed as till {@code client} when it is one, and returns the status and the body. */
    private Reply post(String baseUrl, String path, int client, String idempotencyKey, String json) throws IOException {
        HttpPost request = new HttpPost(baseUrl + path);
        request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        if (idempotencyKey != null) {
            request.setHeader("Idempotency-Key", idempotencyKey);
        }
        if (client >= 0) {
            signer.sign(CallerIdentity.terminal("terminal:bench-relay-" + client, RelayWorld.MERCHANT, RelayWorld.STORE,
                    RelayWorld.terminal(client)), "POST", path).forEach(request::setHeader);
        }
        return http.execute(request, response -> new Reply(response.getCode(),
                response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8)));
    }

    private record Reply(int status, String body) {
    }
}
