package com.cardcoupons.localplatform;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Onboards the demo's merchants, stores and terminals through the gateway with the administrator's key, by the same
 * API an operator uses (docs/merchant-operations.md), rather than by SQL of its own. Each is created only when a read
 * finds it missing, so a second run against the same database changes nothing.
 */
final class DemoOnboarding {

    private record DemoMerchant(UUID id, String name) {
    }

    private record DemoStore(UUID merchant, UUID id, String code, String name, String address, String mcc) {
    }

    private record DemoTerminal(UUID merchant, UUID store, UUID id, String code) {
    }

    private static final List<DemoMerchant> MERCHANTS = List.of(
            new DemoMerchant(DemoData.SAKURA_MART, "Sakura Mart"),
            new DemoMerchant(DemoData.HARBOR_CAFE, "Harbor Cafe"));

    private static final List<DemoStore> STORES = List.of(
            new DemoStore(DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, "SHIBUYA", "Sakura Mart Shibuya",
                    address("2-24-1 Shibuya", "Shibuya-ku", "150-0002"), "5411"),
            new DemoStore(DemoData.SAKURA_MART, DemoData.SAKURA_SHINJUKU, "SHINJUKU", "Sakura Mart Shinjuku",
                    address("3-38-1 Shinjuku", "Shinjuku-ku", "160-0022"), "5411"),
            new DemoStore(DemoData.HARBOR_CAFE, DemoData.HARBOR_CAFE_YOKOHAMA, "YOKOHAMA", "Harbor Cafe Yokohama",
                    """
                    {"line1": "2-2-1 Minatomirai", "city": "Yokohama", "region": "Kanagawa", "postalCode": "220-0012", "country": "JP"}""",
                    "5814"));

    private static final List<DemoTerminal> TERMINALS = List.of(
            new DemoTerminal(DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, DemoData.SHIBUYA_TILL_1, "TILL-1"),
            new DemoTerminal(DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, DemoData.SHIBUYA_TILL_2, "TILL-2"),
            new DemoTerminal(DemoData.SAKURA_MART, DemoData.SAKURA_SHINJUKU, DemoData.SHINJUKU_TILL_1, "TILL-1"),
            new DemoTerminal(DemoData.HARBOR_CAFE, DemoData.HARBOR_CAFE_YOKOHAMA, DemoData.YOKOHAMA_TILL_1, "TILL-1"));

    private static final int RATE_LIMITED_ATTEMPTS = 10;

    private final HttpClient http;
    private final String gateway;
    private final String adminKey;

    /** {@code tls} trusts the gateway's certificate when it serves HTTPS; null for plain HTTP. */
    DemoOnboarding(String gateway, SSLContext tls, String adminKey) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
        this.http = (tls == null ? client : client.sslContext(tls)).build();
        this.gateway = gateway;
        this.adminKey = adminKey;
    }

    void load() {
        for (DemoMerchant merchant : MERCHANTS) {
            ensure("/api/v1/merchants/" + merchant.id(), "/api/v1/merchants",
                    "{\"id\": \"%s\", \"name\": \"%s\"}".formatted(merchant.id(), merchant.name()));
        }
        for (DemoStore store : STORES) {
            String stores = "/api/v1/merchants/" + store.merchant() + "/stores";
            ensure(stores + "/" + store.id(), stores, """
                    {"id": "%s", "code": "%s", "name": "%s", "address": %s, "timeZone": "%s", "mcc": "%s"}"""
                    .formatted(store.id(), store.code(), store.name(), store.address(), DemoData.TOKYO, store.mcc()));
        }
        for (DemoTerminal terminal : TERMINALS) {
            String terminals = "/api/v1/merchants/" + terminal.merchant() + "/terminals";
            ensure(terminals + "/" + terminal.id(), terminals, "{\"id\": \"%s\", \"storeId\": \"%s\", \"code\": \"%s\"}"
                    .formatted(terminal.id(), terminal.store(), terminal.code()));
        }
    }

    private static String address(String line1, String city, String postalCode) {
        return "{\"line1\": \"%s\", \"city\": \"%s\", \"region\": \"Tokyo\", \"postalCode\": \"%s\", \"country\": \"JP\"}"
                .formatted(line1, city, postalCode);
    }

    /** Creates with {@code body} at {@code collection} unless {@code resource} is there already. */
    private void ensure(String resource, String collection, String body) {
        HttpResponse<String> found = send(request(resource).GET());
        if (found.statusCode() == 200) {
            return;
        }
        if (found.statusCode() != 404) {
            throw new IllegalStateException("GET " + resource + " answered " + found.statusCode() + ": " + found.body());
        }
        HttpResponse<String> created = send(request(collection)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("POST " + collection + " answered " + created.statusCode() + ": " + created.body());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30)).header("X-Api-Key", adminKey);
    }

    /** Sends the request, waiting out the gateway's rate limit for administrators as a client should. */
    private HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            for (int attempt = 1; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 429 || attempt == RATE_LIMITED_ATTEMPTS) {
                    return response;
                }
                Thread.sleep(1000 * response.headers().firstValueAsLong("Retry-After").orElse(1));
            }
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
