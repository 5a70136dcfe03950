package com.cardcoupons.benchmarks;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentityHeaders;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class TargetTest {

    private static final byte[] SECRET = "a-test-gateway-secret-of-at-least-32-bytes".getBytes(StandardCharsets.UTF_8);
    private static final UUID[] TILL = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00.100Z"));
    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), new String(body, StandardCharsets.UTF_8), exchange.getRemoteAddress()));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void signsEachPathOnceASecondAndEveryRequestCarriesAValidSignatureForItsPath() throws Exception {
        IdentitySigner verifier = new IdentitySigner(SECRET, Duration.ofSeconds(60), clock);
        try (Target target = new Target(url(), Map.of(), new IdentitySigner(SECRET, Duration.ofMinutes(5), clock), clock,
                TILL, 1)) {
            assertThat(target.post(0, "/api/v1/searches", "{\"n\":1}", null)).isEqualTo(201);
            clock.now = clock.now.plusMillis(800);
            target.post(0, "/api/v1/searches", "{\"n\":2}", null);
            target.post(0, "/api/v1/redemptions", "{\"n\":3}", "key-3");
            clock.now = clock.now.plusMillis(200);
            target.post(0, "/api/v1/searches", "{\"n\":4}", null);

            assertThat(received).extracting(Received::path)
                    .containsExactly("/api/v1/searches", "/api/v1/searches", "/api/v1/redemptions", "/api/v1/searches");
            for (Received request : received) {
                Optional<CallerIdentity> identity = verifier.verify(request.headers()::getFirst, request.method(), request.path());
                assertThat(identity).as(request.body()).contains(
                        CallerIdentity.terminal("terminal:bench", TILL[0], TILL[1], TILL[2]));
            }
            // the second search in the same second reuses the first one's headers; the next second signs anew
            assertThat(issuedAt(0)).isEqualTo(issuedAt(1)).isEqualTo(issuedAt(2)).isEqualTo("1795600800");
            assertThat(signature(1)).isEqualTo(signature(0));
            assertThat(signature(2)).isNotEqualTo(signature(0));
            assertThat(issuedAt(3)).isEqualTo("1795600801");
            assertThat(signature(3)).isNotEqualTo(signature(0));
            // a search's headers would not pass for a redemption
            assertThat(verifier.verify(received.get(0).headers()::getFirst, "POST", "/api/v1/redemptions")).isEmpty();
        }
    }

    @Test
    void sendsFixedCredentialsTheBodyAndTheIdempotencyKeyAndNoIdentityHeaders() throws Exception {
        try (Target target = new Target(url(), Map.of("X-Api-Key", "terminal-key"), null, clock, TILL, 1)) {
            assertThat(target.post(0, "/api/v1/redemptions", "{\"note\":\"café\"}", "bench-7")).isEqualTo(201);

            Received request = received.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.headers().getFirst("X-Api-Key")).isEqualTo("terminal-key");
            assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo("bench-7");
            assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(request.body()).isEqualTo("{\"note\":\"café\"}");
            assertThat(request.headers().keySet()).noneMatch(name -> name.startsWith(IdentityHeaders.PREFIX));
        }
    }

    @Test
    void eachLoadClientKeepsItsOwnConnection() throws Exception {
        try (Target target = new Target(url(), Map.of("X-Api-Key", "k"), null, clock, TILL, 2)) {
            for (int client : new int[] {0, 1, 0, 1, 0}) {
                target.post(client, "/api/v1/searches", "{}", null);
            }

            List<InetSocketAddress> from = received.stream().map(Received::from).toList();
            assertThat(from).hasSize(5);
            assertThat(from.get(2)).isEqualTo(from.get(0)).isEqualTo(from.get(4));
            assertThat(from.get(3)).isEqualTo(from.get(1)).isNotEqualTo(from.get(0));
        }
    }

    private String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    private String issuedAt(int request) {
        return received.get(request).headers().getFirst(IdentityHeaders.ISSUED_AT);
    }

    private String signature(int request) {
        return received.get(request).headers().getFirst(IdentityHeaders.SIGNATURE);
    }

    private record Received(String method, String path, Headers headers, String body, InetSocketAddress from) {
    }

    private static final class SettableClock extends Clock {

        volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
