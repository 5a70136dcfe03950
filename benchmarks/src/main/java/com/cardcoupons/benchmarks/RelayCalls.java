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

import org.jpos.iso.ISOException;
import org.jpos.iso.ISOMsg;
import org.jpos.iso.channel.PostChannel;
import org.jpos.iso.packager.ISO87APackager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
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
    private static final DateTimeFormatter FIELD_7 = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
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
    private final Map<Integer, PostChannel> isoConnections = new ConcurrentHashMap<>();
    private final AtomicInteger stans = new AtomicInteger();

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

    /**
     * The full-amount authorization alone, as the relay sends it: an 0100 for a card of its own, over a persistent
     * ISO 8583 connection of the load client's own (jPOS, the relay's packager and framing), answered by an 0110.
     */
    LoadRun.Call authorization(int isoPort) {
        return client -> {
            PostChannel channel = isoConnections.computeIfAbsent(client, id -> connect(isoPort));
            try {
                ISOMsg request = new ISOMsg("0100");
                request.set(2, RelayWorld.cardWithoutCoupons(cardsWithoutCoupons.getAndIncrement()));
                request.set(3, "000000");
                request.set(4, "000000001000");
                request.set(7, FIELD_7.format(Instant.now()));
                request.set(11, String.format("%06d", stans.incrementAndGet() % 999_999 + 1));
                request.set(14, "3112");
                request.set(32, "99999");
                request.set(37, "BENCH" + String.format("%07d", client));
                request.set(41, String.format("B%07d", client));
                request.set(42, "BENCHMERCHANT01");
                request.set(49, "392");
                channel.send(request);
                String code = channel.receive().getString(39);
                count("response code " + code);
                return "00".equals(code) ? 200 : 500;
            } catch (ISOException e) {
                count("unreadable");
                return 500;
            }
        };
    }

    private static PostChannel connect(int isoPort) {
        PostChannel channel = new PostChannel("localhost", isoPort, new ISO87APackager());
        try {
            channel.connect();
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the settlement center's ISO 8583 host", e);
        }
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
        for (PostChannel channel : isoConnections.values()) {
            channel.disconnect();
        }
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
