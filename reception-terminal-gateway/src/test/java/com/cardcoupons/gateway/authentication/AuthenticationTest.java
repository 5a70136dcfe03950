package com.cardcoupons.gateway.authentication;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
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

/** No valid key, no entry: every way of failing is a 401 Problem Details, and the service never sees the call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class AuthenticationTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiCaller anonymous;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DOWNSTREAMS.register(registry);
    }

    @AfterAll
    static void stop() {
        DOWNSTREAMS.stop();
    }

    @BeforeEach
    void world() {
        new TestWorld(jdbc).load();
        anonymous = ApiCaller.anonymous("http://localhost:" + port);
    }

    @Test
    void aCallWithoutAKeyIsRefusedWithAChallenge() {
        int before = DOWNSTREAMS.couponServer().requestCount();
        Reply reply = anonymous.post("/api/v1/searches", "{}");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.code()).isEqualTo("API_KEY_MISSING");
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("ApiKey header=\"X-Api-Key\"");
        assertThat(DOWNSTREAMS.couponServer().requestCount()).isEqualTo(before);
    }

    @Test
    void aMalformedUnknownOrWrongKeyIsRefusedAlike() {
        for (String key : new String[] {
                "not-a-key",
                "nobody-at-all.secret-of-nobody-at-all-0000000000000000",
                "test-terminal-a.the-wrong-secret-for-terminal-a-000000000"}) {
            Reply reply = anonymous.as(withKey(key)).post("/api/v1/searches", "{}");
            assertThat(reply.status()).as(key).isEqualTo(401);
            assertThat(reply.code()).as(key).isEqualTo("API_KEY_INVALID");
            assertThat(reply.body()).as(key).doesNotContain("secret");
        }
    }

    @Test
    void theRightKeyGetsThrough() {
        Reply reply = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY)).post("/api/v1/searches", "{}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("coupon-server saw /api/v1/searches");
    }

    @Test
    void aDecommissionedTerminalsKeyStopsWorkingOnItsNextCall() {
        ApiCaller terminalB = anonymous.as(withKey(TestWorld.TERMINAL_B_KEY));
        assertThat(terminalB.post("/api/v1/searches", "{}").status()).isEqualTo(200);

        jdbc.sql("update terminal set status = 'DECOMMISSIONED' where id = ?").param(TestWorld.TERMINAL_B).update();

        assertThat(terminalB.post("/api/v1/searches", "{}").code()).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void operatorEndpointsAndApiDocsNeedNoKey() {
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.send("GET", "/services/coupon-server/actuator/health", null, Map.of()).status()).isEqualTo(200);
    }
}
