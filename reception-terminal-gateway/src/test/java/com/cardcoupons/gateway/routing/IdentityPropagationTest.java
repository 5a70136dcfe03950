package com.cardcoupons.gateway.routing;

import com.cardcoupons.gateway.StandIn;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.platform.identity.IdentityHeaders;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.standin.StandInService;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PostgresTestDatabases;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The identity a service acts on is the one the gateway authenticated, whatever identity headers a client sends;
 * and a service called around the gateway refuses the call. The coupon-server route goes to a real
 * service-platform application that verifies the gateway's signature, the payments route to a recording stand-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class IdentityPropagationTest {

    private static final ConfigurableApplicationContext SERVICE =
            StandInService.start(PostgresTestDatabases.create("standinservice"));
    private static final StandIn RELAY = StandIn.start("settlement-relay");

    /** What a client forging an identity would send: every identity header, in any spelling. */
    private static final Map<String, String> SPOOFED = spoofed();

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    IdentitySigner signer;

    ApiCaller gateway;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("COUPON_SERVER_URL", () -> StandInService.url(SERVICE));
        registry.add("REGISTRATION_API_URL", () -> StandInService.url(SERVICE));
        registry.add("SETTLEMENT_RELAY_URL", RELAY::url);
    }

    @AfterAll
    static void stop() {
        SERVICE.close();
        RELAY.stop();
    }

    @BeforeEach
    void world() {
        new TestWorld(jdbc).load();
        gateway = ApiCaller.anonymous("http://localhost:" + port);
    }

    @Test
    void theServiceActsOnTheAuthenticatedTerminalNotOnTheHeadersTheClientSent() {
        Reply reply = gateway.as(withKey(TestWorld.TERMINAL_A_KEY)).send("POST", "/api/v1/searches", "{}", SPOOFED);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("principal").asString()).isEqualTo("test-terminal-a");
        assertThat(reply.json().path("role").asString()).isEqualTo("TERMINAL");
        assertThat(reply.json().path("merchantId").asString()).isEqualTo(TestWorld.MERCHANT_A.toString());
        assertThat(reply.json().path("storeId").asString()).isEqualTo(TestWorld.STORE_A.toString());
        assertThat(reply.json().path("terminalId").asString()).isEqualTo(TestWorld.TERMINAL_A.toString());
    }

    @Test
    void theServiceChecksTheRoleItselfToo() {
        Reply reply = gateway.as(withKey(TestWorld.MERCHANT_A_KEY)).get("/api/v1/campaigns");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("role").asString()).isEqualTo("MERCHANT");
    }

    @Test
    void aDirectCallToTheServiceWithoutTheGatewaysSignatureIsRefused() {
        ApiCaller direct = ApiCaller.anonymous(StandInService.url(SERVICE));

        Reply bare = direct.post("/api/v1/searches", "{}");
        assertThat(bare.status()).isEqualTo(401);
        assertThat(bare.code()).isEqualTo("GATEWAY_IDENTITY_MISSING");

        Reply forged = direct.send("POST", "/api/v1/searches", "{}", SPOOFED);
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.code()).isEqualTo("GATEWAY_IDENTITY_INVALID");

        Reply withTheApiKey = direct.as(withKey(TestWorld.TERMINAL_A_KEY)).post("/api/v1/searches", "{}");
        assertThat(withTheApiKey.status()).as("a service does not take API keys").isEqualTo(401);
    }

    @Test
    void onlyTheGatewaysSignedHeadersAndNeverTheApiKeyReachAService() {
        Reply reply = gateway.as(withKey(TestWorld.TERMINAL_A_KEY)).send("POST", "/api/v1/payments", "{}", SPOOFED);
        assertThat(reply.status()).isEqualTo(200);
        StandIn.Recorded received = RELAY.last();

        assertThat(received.headers().keySet().stream().filter(name -> name.startsWith("x-coupons-")))
                .containsExactlyInAnyOrder("x-coupons-principal", "x-coupons-role", "x-coupons-merchant", "x-coupons-store",
                        "x-coupons-terminal", "x-coupons-identity-issued", "x-coupons-identity-signature");
        assertThat(received.headers()).doesNotContainKey("x-api-key");
        assertThat(received.headers().values().stream().flatMap(java.util.List::stream))
                .noneMatch(value -> value.contains("mallory") || value.contains("forged"));
        assertThat(signer.verify(received::header, "POST", "/api/v1/payments"))
                .hasValueSatisfying(identity -> assertThat(identity.principal()).isEqualTo("test-terminal-a"));
        assertThat(signer.verify(received::header, "POST", "/api/v1/searches")).as("signed for this path only").isEmpty();
    }

    private static Map<String, String> spoofed() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(IdentityHeaders.PRINCIPAL, "mallory");
        headers.put(IdentityHeaders.ROLE.toLowerCase(), "APPROVER");
        headers.put("X-COUPONS-MERCHANT", TestWorld.MERCHANT_B.toString());
        headers.put(IdentityHeaders.STORE, TestWorld.STORE_B.toString());
        headers.put(IdentityHeaders.TERMINAL, TestWorld.TERMINAL_B.toString());
        headers.put(IdentityHeaders.ISSUED_AT, Long.toString(System.currentTimeMillis() / 1000));
        headers.put(IdentityHeaders.SIGNATURE, "forged-signature");
        headers.put("X-Coupons-Something-New", "forged");
        return headers;
    }
}
