package com.cardcoupons.gateway.routing;

import com.cardcoupons.gateway.StandIn;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Each public path reaches its service, with the correlation id, through stand-ins that record what arrives. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class RoutingTest {

    private static final Map<String, StandIn> SERVICES = Map.of(
            "registration-api", StandIn.start("registration-api"),
            "coupon-server", StandIn.start("coupon-server"),
            "settlement-relay", StandIn.start("settlement-relay"));

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    ApiCaller anonymous;

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

    @BeforeEach
    void world() {
        new TestWorld(jdbc).load();
        anonymous = ApiCaller.anonymous("http://localhost:" + port);
    }

    @Test
    void eachServicesHealthIsReachableThroughTheGatewayWithoutAKey() {
        for (String service : SERVICES.keySet()) {
            Reply reply = anonymous.get("/services/" + service + "/actuator/health/readiness");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.body()).isEqualTo(service + " saw /actuator/health/readiness");
        }
    }

    @Test
    void publicPathsGoToTheServiceThatOwnsThem() {
        ApiCaller merchant = anonymous.as(withKey(TestWorld.MERCHANT_A_KEY));
        ApiCaller terminal = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
        ApiCaller app = anonymous.as(withKey(TestWorld.APP_KEY));
        assertThat(merchant.get("/api/v1/campaigns").body()).isEqualTo("registration-api saw /api/v1/campaigns");
        assertThat(app.get("/api/v1/wallet/coupons").body()).startsWith("registration-api");
        assertThat(app.post("/api/v1/acquisitions", "{}").body()).startsWith("registration-api");
        assertThat(terminal.post("/api/v1/searches", "{}").body()).startsWith("coupon-server");
        assertThat(terminal.get("/api/v1/printing/coupons/ABCD/barcode.png").body()).startsWith("coupon-server");
        assertThat(merchant.get("/api/v1/usage/campaigns").body()).startsWith("coupon-server");
        assertThat(terminal.get("/api/v1/payments/t-1").body()).startsWith("settlement-relay");
    }

    @Test
    void theQueryStringAndBodyArriveUnchanged() {
        ApiCaller terminal = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
        terminal.post("/api/v1/searches?explain=true", "{\"amount\":1200}");
        StandIn.Recorded received = SERVICES.get("coupon-server").last();
        assertThat(received.query()).isEqualTo("explain=true");
        assertThat(new String(received.body())).isEqualTo("{\"amount\":1200}");
    }

    @Test
    void theCorrelationIdIsForwardedAndReturned() {
        ApiCaller merchant = anonymous.as(withKey(TestWorld.MERCHANT_A_KEY));
        Reply created = merchant.get("/api/v1/campaigns");
        String id = created.header("X-Correlation-Id");
        assertThat(id).isNotBlank();
        assertThat(SERVICES.get("registration-api").last().header("X-Correlation-Id")).isEqualTo(id);

        Reply adopted = merchant.send("GET", "/api/v1/campaigns", null, Map.of("X-Correlation-Id", "pos-7-0001"));
        assertThat(adopted.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("X-Correlation-Id"))
                .flatMap(header -> header.getValue().stream())).containsExactly("pos-7-0001");
        assertThat(SERVICES.get("registration-api").last().header("X-Correlation-Id")).isEqualTo("pos-7-0001");
    }

    @Test
    void refusalsAtTheGatewayCarryTheCorrelationIdToo() {
        Reply refused = anonymous.get("/api/v1/campaigns");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Correlation-Id")).isNotBlank();
        assertThat(refused.json().path("correlationId").asString()).isEqualTo(refused.header("X-Correlation-Id"));
    }
}
