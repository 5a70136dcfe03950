package com.cardcoupons.gateway.authentication;

import com.cardcoupons.gateway.Downstreams;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/caller}: each key learns its own identity, and nothing about its secret; no key, no answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class CallerEndpointTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    @LocalServerPort
    int port;

    @Autowired
    TestDatabase isolatedTestDatabase;

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
        new TestWorld(isolatedTestDatabase.owner()).load();
        anonymous = ApiCaller.anonymous("http://localhost:" + port);
    }

    @Test
    void aTerminalKeyIsItsTerminalWithMerchantAndStore() {
        Reply reply = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY)).get("/api/v1/caller");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("principal").asString()).isEqualTo("test-terminal-a");
        assertThat(reply.json().path("role").asString()).isEqualTo("TERMINAL");
        assertThat(reply.json().path("merchantId").asString()).isEqualTo(TestWorld.MERCHANT_A.toString());
        assertThat(reply.json().path("storeId").asString()).isEqualTo(TestWorld.STORE_A.toString());
        assertThat(reply.json().path("terminalId").asString()).isEqualTo(TestWorld.TERMINAL_A.toString());
        assertThat(reply.body()).doesNotContain("secret");
    }

    @Test
    void everyRoleLearnsItsRole() {
        assertThat(anonymous.as(withKey(TestWorld.MERCHANT_A_KEY)).get("/api/v1/caller").json().path("merchantId").asString())
                .isEqualTo(TestWorld.MERCHANT_A.toString());
        assertThat(anonymous.as(withKey(TestWorld.APPROVER_KEY)).get("/api/v1/caller").json().path("role").asString())
                .isEqualTo("APPROVER");
        assertThat(anonymous.as(withKey(TestWorld.APP_KEY)).get("/api/v1/caller").json().path("channel").asString())
                .isEqualTo("MOBILE_APP");
        assertThat(anonymous.as(withKey(TestWorld.ADMIN_KEY)).get("/api/v1/caller").json().path("role").asString())
                .isEqualTo("PLATFORM_ADMIN");
    }

    @Test
    void withoutAValidKeyThereIsNoCaller() {
        assertThat(anonymous.get("/api/v1/caller").code()).isEqualTo("API_KEY_MISSING");
        assertThat(anonymous.as(withKey("test-admin.not-the-secret-of-the-admin-0000000000000000")).get("/api/v1/caller").code())
                .isEqualTo("API_KEY_INVALID");
        assertThat(anonymous.as(withKey(TestWorld.ADMIN_KEY)).post("/api/v1/caller", "{}").status()).isEqualTo(405);
    }
}
