package com.cardcoupons.gateway.routing;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down is answered at once with a 503 Problem; after enough failures its breaker opens and calls
 * no longer reach it; once it is back, the breaker lets a probe through and closes. A slow service is a 504.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "resilience4j.circuitbreaker.configs.default.sliding-window-size=4",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=2",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=1s",
        "resilience4j.circuitbreaker.configs.default.permitted-number-of-calls-in-half-open-state=1"})
@IsolatedDatabase
class CircuitBreakerTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    CircuitBreakerRegistry breakers;

    ApiCaller app;
    ApiCaller terminal;

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
        ApiCaller anonymous = ApiCaller.anonymous("http://localhost:" + port);
        app = anonymous.as(withKey(TestWorld.APP_KEY));
        terminal = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
    }

    @Test
    void theBreakerOpensWhenAServiceIsDownAndClosesWhenItIsBack() throws InterruptedException {
        CircuitBreaker breaker = breakers.circuitBreaker("registration-api");
        assertThat(app.post("/api/v1/acquisitions", "{}").status()).isEqualTo(200);

        DOWNSTREAMS.registrationApi().stop();
        for (int i = 0; i < 2; i++) {
            long start = System.nanoTime();
            Reply down = app.post("/api/v1/acquisitions", "{}");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered, not hung").isLessThan(Duration.ofSeconds(2));
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.code()).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(down.json().path("service").asString()).isEqualTo("registration-api");
            assertThat(down.header("Retry-After")).isEqualTo("1");
        }
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);

        DOWNSTREAMS.registrationApi().restart();
        int served = DOWNSTREAMS.registrationApi().requestCount();
        Reply open = app.post("/api/v1/acquisitions", "{}");
        assertThat(open.status()).isEqualTo(503);
        assertThat(open.json().path("detail").asString()).contains("circuit open");
        assertThat(DOWNSTREAMS.registrationApi().requestCount()).as("an open breaker forwards nothing").isEqualTo(served);
        assertThat(terminal.post("/api/v1/searches", "{}").status()).as("other services are not affected").isEqualTo(200);

        Thread.sleep(1100);
        assertThat(app.post("/api/v1/acquisitions", "{}").status()).isEqualTo(200);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(app.post("/api/v1/acquisitions", "{}").status()).isEqualTo(200);
    }

    @Test
    void aServiceSlowerThanItsRoutesTimeoutIsAGatewayTimeout() {
        DOWNSTREAMS.couponServer().answerAfter(Duration.ofMillis(2500));
        try {
            long start = System.nanoTime();
            Reply slow = terminal.post("/api/v1/searches", "{}");
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(slow.status()).isEqualTo(504);
            assertThat(slow.code()).isEqualTo("SERVICE_TIMEOUT");
            assertThat(took).as("the till route waits 2 s").isBetween(Duration.ofMillis(1900), Duration.ofMillis(2450));
        } finally {
            DOWNSTREAMS.couponServer().answerAfter(Duration.ZERO);
        }
    }

    @Test
    void aServiceAnsweringUnavailableItselfIsPassedOnAndCounted() {
        CircuitBreaker breaker = breakers.circuitBreaker("settlement-relay");
        DOWNSTREAMS.settlementRelay().answerWith(503);
        try {
            assertThat(terminal.post("/api/v1/payments", "{}").status()).isEqualTo(503);
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
        } finally {
            DOWNSTREAMS.settlementRelay().answerWith(200);
        }
    }
}
