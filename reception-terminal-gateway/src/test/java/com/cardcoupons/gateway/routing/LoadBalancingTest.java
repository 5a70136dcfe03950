package com.cardcoupons.gateway.routing;

import com.cardcoupons.gateway.StandIn;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.testsupport.ApiCaller;
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

/**
 * A service of two instances: calls go round both; when one is gone its calls, searches and uses with an
 * Idempotency-Key alike, go to the other and it leaves the rotation; when it is back it rejoins.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "coupons.gateway.routing.health-interval=200ms")
@IsolatedDatabase
class LoadBalancingTest {

    private static final StandIn FIRST = StandIn.start("coupon-server-1");
    private static final StandIn SECOND = StandIn.start("coupon-server-2");
    private static final StandIn OTHERS = StandIn.start("other");

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    ApiCaller till;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        registry.add("REGISTRATION_API_URL", OTHERS::url);
        registry.add("COUPON_SERVER_URL", () -> FIRST.url() + "," + SECOND.url());
        registry.add("SETTLEMENT_RELAY_URL", OTHERS::url);
    }

    @AfterAll
    static void stop() {
        FIRST.stop();
        SECOND.stop();
        OTHERS.stop();
    }

    @BeforeEach
    void world() {
        new TestWorld(jdbc).load();
        till = ApiCaller.anonymous("http://localhost:" + port).as(withKey(TestWorld.TERMINAL_A_KEY));
    }

    @Test
    void callsGoRoundTheInstancesAndAroundOneThatIsGone() throws InterruptedException {
        int first = FIRST.requestCount();
        int second = SECOND.requestCount();
        for (int call = 0; call < 10; call++) {
            assertThat(till.post("/api/v1/searches", "{}").status()).isEqualTo(200);
        }
        assertThat(FIRST.requestCount() - first).as("calls to the first instance").isGreaterThanOrEqualTo(3);
        assertThat(SECOND.requestCount() - second).as("calls to the second instance").isGreaterThanOrEqualTo(3);

        SECOND.stop();
        try {
            for (int call = 0; call < 10; call++) {
                ApiCaller.Reply search = till.post("/api/v1/searches", "{\"n\":" + call + "}");
                assertThat(search.status()).as(search.toString()).isEqualTo(200);
                assertThat(search.body()).isEqualTo("coupon-server-1 saw /api/v1/searches");
                // a use is sent to the other instance too: the service replays the outcome of a key it has seen
                assertThat(till.post("/api/v1/redemptions", "{}", "use-" + call).status()).isEqualTo(200);
            }
            assertThat(FIRST.last().body()).isEqualTo("{}".getBytes());
        } finally {
            SECOND.restart();
        }
        Thread.sleep(1000);
        int back = SECOND.requestCount();
        for (int call = 0; call < 10; call++) {
            assertThat(till.post("/api/v1/searches", "{}").status()).isEqualTo(200);
        }
        assertThat(SECOND.requestCount() - back).as("calls to the instance that is back").isGreaterThanOrEqualTo(3);
    }
}
