package com.cardcoupons.gateway.traffic;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** Each key has its own bucket: a terminal that spends its tokens is told when to come back, and no one else is. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "coupons.gateway.rate-limit.roles.TERMINAL.capacity=3",
        "coupons.gateway.rate-limit.roles.TERMINAL.period=1m"})
@IsolatedDatabase
class RateLimitTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

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
    void aTerminalOverItsLimitIsToldToRetryAfterAWhileAndOthersAreNotAffected() {
        ApiCaller terminalA = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
        for (int i = 0; i < 3; i++) {
            Reply admitted = terminalA.post("/api/v1/searches", "{}");
            assertThat(admitted.status()).isEqualTo(200);
            assertThat(admitted.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
        }
        int served = DOWNSTREAMS.couponServer().requestCount();

        Reply limited = terminalA.post("/api/v1/searches", "{}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.code()).isEqualTo("RATE_LIMITED");
        assertThat(limited.header("Content-Type")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 20L);
        assertThat(DOWNSTREAMS.couponServer().requestCount()).as("a limited call is not forwarded").isEqualTo(served);

        assertThat(anonymous.as(withKey(TestWorld.TERMINAL_B_KEY)).post("/api/v1/searches", "{}").status()).isEqualTo(200);
        assertThat(anonymous.as(withKey(TestWorld.MERCHANT_A_KEY)).get("/api/v1/campaigns").status()).isEqualTo(200);
    }
}
