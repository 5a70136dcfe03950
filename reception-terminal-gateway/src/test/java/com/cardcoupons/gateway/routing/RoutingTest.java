package com.cardcoupons.gateway.routing;

import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Each public path reaches its service, with the correlation id, through stand-ins that record what arrives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class RoutingTest {

    private static final Map<String, StandIn> SERVICES = Map.of(
            "registration-api", new StandIn("registration-api"),
            "coupon-server", new StandIn("coupon-server"),
            "settlement-relay", new StandIn("settlement-relay"));

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_API_URL", SERVICES.get("registration-api")::url);
        registry.add("COUPON_SERVER_URL", SERVICES.get("coupon-server")::url);
        registry.add("SETTLEMENT_RELAY_URL", SERVICES.get("settlement-relay")::url);
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(StandIn::stop);
    }

    @Test
    void eachServicesHealthIsReachableThroughTheGateway() {
        ApiCaller operator = ApiCaller.anonymous("http://localhost:" + port);
        for (String service : SERVICES.keySet()) {
            Reply reply = operator.get("/services/" + service + "/actuator/health/readiness");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(service + " saw /actuator/health/readiness");
        }
    }

    @Test
    void publicPathsGoToTheServiceThatOwnsThem() {
        ApiCaller client = ApiCaller.anonymous("http://localhost:" + port);
        assertThat(client.get("/api/v1/campaigns/abc").body()).startsWith("registration-api saw /api/v1/campaigns/abc");
        assertThat(client.get("/api/v1/wallet/coupons").body()).startsWith("registration-api");
        assertThat(client.get("/api/v1/searches").body()).startsWith("coupon-server");
        assertThat(client.get("/api/v1/usage/campaigns/x").body()).startsWith("coupon-server");
        assertThat(client.get("/api/v1/payments/t-1").body()).startsWith("settlement-relay");
    }

    @Test
    void theCorrelationIdIsForwardedAndReturned() {
        ApiCaller client = ApiCaller.anonymous("http://localhost:" + port);
        Reply created = client.get("/api/v1/campaigns/with-new-id");
        String id = created.header("X-Correlation-Id");
        assertThat(id).isNotBlank();
        assertThat(SERVICES.get("registration-api").lastCorrelationId()).isEqualTo(id);

        Reply adopted = client.send("GET", "/api/v1/campaigns/with-given-id", null, Map.of("X-Correlation-Id", "pos-7-0001"));
        assertThat(adopted.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("X-Correlation-Id"))
                .flatMap(header -> header.getValue().stream())).containsExactly("pos-7-0001");
        assertThat(SERVICES.get("registration-api").lastCorrelationId()).isEqualTo("pos-7-0001");
    }

    /** A downstream service reduced to saying which path it received. */
    static final class StandIn {

        private final HttpServer server;
        private final Map<String, String> seen = new ConcurrentHashMap<>();

        StandIn(String name) {
            try {
                server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/", exchange -> {
                String correlationId = exchange.getRequestHeaders().getFirst("X-Correlation-Id");
                if (correlationId != null) {
                    seen.put("correlationId", correlationId);
                }
                if (correlationId != null) {
                    exchange.getResponseHeaders().add("X-Correlation-Id", correlationId);
                }
                byte[] body = (name + " saw " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        String lastCorrelationId() {
            return seen.get("correlationId");
        }

        void stop() {
            server.stop(0);
        }
    }
}
