package com.cardcoupons.gateway.authentication;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.Listening;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.platform.idempotency.IdempotencyFilter;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.jpa.support.OpenEntityManagerInViewInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** No valid key, no entry: every way of failing is a 401 Problem Details, and the service never sees the call. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.jpa.properties.hibernate.generate_statistics=true")
@IsolatedDatabase
class AuthenticationTest {

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
    EntityManagerFactory entityManagerFactory;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

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
    void aDecommissionedTerminalsKeyStopsWorkingWithinASecond() throws InterruptedException {
        ApiCaller terminalB = anonymous.as(withKey(TestWorld.TERMINAL_B_KEY));
        assertThat(terminalB.post("/api/v1/searches", "{}").status()).isEqualTo(200);

        jdbc.sql("update terminal set status = 'DECOMMISSIONED' where id = ?").param(TestWorld.TERMINAL_B).update();
        Thread.sleep(1000);

        assertThat(terminalB.post("/api/v1/searches", "{}").code()).isEqualTo("API_KEY_INVALID");
    }

    @Test
    void aClosedMerchantsKeysAndItsTerminalsKeysStopWorkingWithinASecond() throws InterruptedException {
        UUID merchant = UUID.randomUUID();
        UUID terminal = UUID.randomUUID();
        TestWorld.newMerchant(jdbc, merchant, UUID.randomUUID(), terminal);
        ApiCaller backOffice = anonymous.as(withKey(TestWorld.newMerchantKey(jdbc, "test-merchant-closing", merchant)));
        ApiCaller till = anonymous.as(withKey(TestWorld.newTerminalKey(jdbc, "test-terminal-closing", terminal)));
        assertThat(backOffice.get("/api/v1/campaigns").status()).isEqualTo(200);
        assertThat(till.post("/api/v1/searches", "{}").status()).isEqualTo(200);

        // only the merchant's row changes: its terminal, still ACTIVE in its own row, cannot act for a closed merchant
        jdbc.sql("update merchant set status = 'CLOSED', closed_at = now(), close_reason = 'sold' where id = ?").param(merchant).update();
        Thread.sleep(1000);

        assertThat(backOffice.get("/api/v1/campaigns").code()).isEqualTo("API_KEY_INVALID");
        assertThat(till.post("/api/v1/searches", "{}").code()).isEqualTo("API_KEY_INVALID");
        assertThat(anonymous.as(withKey(TestWorld.MERCHANT_A_KEY)).get("/api/v1/campaigns").status())
                .as("another merchant's key").isEqualTo(200);
    }

    @Test
    void aKeyIsReadOnceInNoTransactionThenAuthenticatedFromMemory() throws InterruptedException {
        Listening.await(meters);
        String apiKey = TestWorld.newTerminalKey(jdbc, "test-terminal-a-memory", TestWorld.TERMINAL_A);
        // the new key's own announcement is heard first, or it would make the gateway forget the first read
        Thread.sleep(1000);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        ApiCaller terminal = anonymous.as(withKey(apiKey));
        assertThat(terminal.post("/api/v1/searches", "{}").status()).isEqualTo(200);
        assertThat(statistics.getPrepareStatementCount()).as("statements of JPA").isEqualTo(1);
        assertThat(statistics.getEntityLoadCount()).as("the credential, by that one select").isEqualTo(1);
        assertThat(statistics.getTransactionCount()).as("transactions").isZero();

        // its terminal was read once too, with plain SQL from registration-api's view: while the view cannot be read,
        // the key still works, from memory
        jdbc.sql("alter view terminal_standing rename to terminal_standing_away").update();
        try {
            for (int call = 0; call < 5; call++) {
                assertThat(terminal.post("/api/v1/searches", "{}").status()).isEqualTo(200);
            }
        } finally {
            jdbc.sql("alter view terminal_standing_away rename to terminal_standing").update();
        }
        assertThat(statistics.getPrepareStatementCount()).as("statements after five more calls").isEqualTo(1);
    }

    @Test
    void aProxiedCallIsNeitherHeldInAPersistenceContextNorRecordedForIdempotency() {
        assertThat(context.getBeanNamesForType(OpenEntityManagerInViewInterceptor.class)).isEmpty();
        assertThat(context.getBeanNamesForType(
                ResolvableType.forClassWithGenerics(FilterRegistrationBean.class, IdempotencyFilter.class))).isEmpty();
        assertThat(context.getEnvironment().getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("validate");

        ApiCaller terminal = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
        int before = DOWNSTREAMS.couponServer().requestCount();
        assertThat(terminal.post("/api/v1/redemptions", "{}", "till-1-txn-0001").status()).isEqualTo(200);
        assertThat(terminal.post("/api/v1/redemptions", "{}", "till-1-txn-0001").status()).isEqualTo(200);
        assertThat(DOWNSTREAMS.couponServer().requestCount()).as("the service, not the gateway, answers retries").isEqualTo(before + 2);
        assertThat(DOWNSTREAMS.couponServer().last().header("Idempotency-Key")).isEqualTo("till-1-txn-0001");
    }

    @Test
    void whenCredentialsCannotBeReadTheCallIsRefusedAsUnavailable() {
        // a key this instance has not read yet: one it knows keeps working from memory for its time-to-live
        String apiKey = TestWorld.newTerminalKey(jdbc, "test-terminal-a-unread", TestWorld.TERMINAL_A);
        jdbc.sql("alter table api_credential rename to api_credential_away").update();
        try {
            Reply reply = anonymous.as(withKey(apiKey)).post("/api/v1/searches", "{}");
            assertThat(reply.status()).isEqualTo(503);
            assertThat(reply.code()).isEqualTo("AUTHENTICATION_UNAVAILABLE");
        } finally {
            jdbc.sql("alter table api_credential_away rename to api_credential").update();
        }
        assertThat(anonymous.as(withKey(apiKey)).post("/api/v1/searches", "{}").status()).isEqualTo(200);
    }

    @Test
    void operatorEndpointsAndApiDocsNeedNoKey() {
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.send("GET", "/services/coupon-server/actuator/health", null, Map.of()).status()).isEqualTo(200);
    }
}
