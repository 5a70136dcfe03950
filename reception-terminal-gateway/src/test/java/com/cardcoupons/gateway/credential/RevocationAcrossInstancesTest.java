package com.cardcoupons.gateway.credential;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.GatewayApplication;
import com.cardcoupons.gateway.Listening;
import com.cardcoupons.gateway.StallingProxy;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gateway instances keep credentials in memory, and a revoked key, a rotated-out secret or a decommissioned
 * terminal's key still stops working on every one of them within a second. An instance that no longer hears of changes
 * refuses the key once the cache's time-to-live has passed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class RevocationAcrossInstancesTest {

    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(2);
    private static final Downstreams DOWNSTREAMS = Downstreams.start();
    private static ConfigurableApplicationContext second;
    private static ConfigurableApplicationContext blind;
    private static StallingProxy blindsNotifications;

    @LocalServerPort
    int port;

    /** SQL as the schema's owner: the test writes terminals, which the gateway only reads. */
    JdbcClient jdbc;

    /** SQL as the gateway's own role, whose sessions (the listening ones among them) it can see and end. */
    @Autowired
    JdbcClient gatewaysSql;

    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    Environment environment;

    @Autowired
    MeterRegistry meters;

    ApiCaller admin;
    ApiCaller first;
    ApiCaller other;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DOWNSTREAMS.register(registry);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {second, blind}) {
            if (instance != null) {
                instance.close();
            }
        }
        if (blindsNotifications != null) {
            blindsNotifications.close();
        }
        DOWNSTREAMS.stop();
    }

    @BeforeEach
    void instances() {
        new TestWorld(jdbc).load();
        if (second == null) {
            second = startAnother(List.of());
        }
        first = ApiCaller.anonymous("http://localhost:" + port);
        admin = first.as(withKey(TestWorld.ADMIN_KEY));
        other = ApiCaller.anonymous(urlOf(second));
        Listening.await(meters);
        Listening.await(second.getBean(MeterRegistry.class));
    }

    @Test
    void aRevokedKeyIsRefusedOnEveryInstanceASecondLater() throws InterruptedException {
        String apiKey = issueTerminalKey();
        assertAdmittedOnBoth(apiKey);

        assertThat(admin.post("/api/v1/credentials/" + idOf(apiKey) + "/revocation", null).status()).isEqualTo(200);
        Thread.sleep(1000);

        assertRefusedOnBoth(apiKey);
    }

    @Test
    void aRotatedOutSecretIsRefusedOnEveryInstanceASecondLater() throws InterruptedException {
        String apiKey = issueTerminalKey();
        assertAdmittedOnBoth(apiKey);

        ApiCaller.Reply rotated = admin.post("/api/v1/credentials/" + idOf(apiKey) + "/rotation", null, key());
        assertThat(rotated.status()).isEqualTo(200);
        Thread.sleep(1000);

        assertRefusedOnBoth(apiKey);
        assertAdmittedOnBoth(rotated.json().path("apiKey").asString());
    }

    @Test
    void aDecommissionedTerminalsKeyIsRefusedOnEveryInstanceASecondLater() throws InterruptedException {
        UUID terminal = UUID.randomUUID();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, ?)")
                .params(terminal, TestWorld.MERCHANT_A, TestWorld.STORE_A, "T" + terminal.toString().substring(0, 8)).update();
        String apiKey = TestWorld.newTerminalKey(jdbc, "till-" + terminal.toString().substring(0, 8), terminal);
        assertAdmittedOnBoth(apiKey);

        jdbc.sql("update terminal set status = 'DECOMMISSIONED' where id = ?").param(terminal).update();
        Thread.sleep(1000);

        assertRefusedOnBoth(apiKey);
    }

    @Test
    void aClosedMerchantsKeysAreRefusedOnEveryInstanceASecondLater() throws InterruptedException {
        UUID merchant = UUID.randomUUID();
        UUID terminal = UUID.randomUUID();
        TestWorld.newMerchant(jdbc, merchant, UUID.randomUUID(), terminal);
        String merchantKey = TestWorld.newMerchantKey(jdbc, "merchant-" + merchant.toString().substring(0, 8), merchant);
        String terminalKey = TestWorld.newTerminalKey(jdbc, "till-" + terminal.toString().substring(0, 8), terminal);
        assertAdmittedOnBoth(terminalKey);
        for (ApiCaller instance : List.of(first, other)) {
            for (int call = 0; call < 2; call++) {
                assertThat(instance.as(withKey(merchantKey)).get("/api/v1/campaigns").status()).isEqualTo(200);
            }
        }

        jdbc.sql("update merchant set status = 'CLOSED', closed_at = now(), close_reason = 'sold' where id = ?").param(merchant).update();
        Thread.sleep(1000);

        assertRefusedOnBoth(terminalKey);
        for (ApiCaller instance : List.of(first, other)) {
            assertThat(instance.as(withKey(merchantKey)).get("/api/v1/campaigns").code()).isEqualTo("API_KEY_INVALID");
        }
    }

    @Test
    void anInstanceWhoseNotificationsStopSilentlyRefusesARevokedKeyOnceTheTimeToLiveEnds() throws Exception {
        if (blind == null) {
            URI database = URI.create(environment.getProperty("spring.datasource.url").substring("jdbc:".length()));
            blindsNotifications = new StallingProxy(database.getHost(), database.getPort());
            String listenUrl = "jdbc:postgresql://localhost:" + blindsNotifications.port() + database.getRawPath()
                    + (database.getRawQuery() == null ? "" : "?" + database.getRawQuery());
            // its listening connection is never checked: only the time-to-live can end what it remembers
            blind = startAnother(List.of("--coupons.gateway.credentials.cache.listen-url=" + listenUrl,
                    "--coupons.gateway.credentials.cache.listen-check=1h",
                    "--coupons.gateway.credentials.cache.time-to-live=" + TIME_TO_LIVE.toMillis() + "ms"));
            Listening.await(blind.getBean(MeterRegistry.class));
        }
        String apiKey = issueTerminalKey();
        ApiCaller blindInstance = ApiCaller.anonymous(urlOf(blind)).as(withKey(apiKey));
        assertThat(blindInstance.post("/api/v1/searches", "{}").status()).isEqualTo(200);

        blindsNotifications.stall();
        assertThat(admin.post("/api/v1/credentials/" + idOf(apiKey) + "/revocation", null).status()).isEqualTo(200);
        long revoked = System.nanoTime();

        assertThat(first.as(withKey(apiKey)).post("/api/v1/searches", "{}").status()).isEqualTo(401);
        Duration bound = TIME_TO_LIVE.plusSeconds(1);
        int status;
        do {
            Thread.sleep(100);
            status = blindInstance.post("/api/v1/searches", "{}").status();
        } while (status == 200 && System.nanoTime() - revoked < bound.toNanos());
        assertThat(status).as("refused within the time-to-live (%s) and a second", TIME_TO_LIVE).isEqualTo(401);
    }

    @Test
    void anInstanceWhoseNotificationConnectionIsDroppedListensAgainAndMissesNoRevocation() throws InterruptedException {
        String apiKey = issueTerminalKey();
        assertAdmittedOnBoth(apiKey);

        List<Integer> dropped = gatewaysSql.sql("""
                select pg_terminate_backend(pid)::int from pg_stat_activity
                 where application_name = ? and datname = current_database()""")
                .param(CredentialChanges.APPLICATION_NAME).query(Integer.class).list();
        assertThat(dropped).as("listening connections dropped").hasSizeGreaterThanOrEqualTo(2).containsOnly(1);
        assertThat(admin.post("/api/v1/credentials/" + idOf(apiKey) + "/revocation", null).status()).isEqualTo(200);
        Thread.sleep(1000);

        assertRefusedOnBoth(apiKey);
        Listening.await(meters);
        Listening.await(second.getBean(MeterRegistry.class));
        String another = issueTerminalKey();
        assertAdmittedOnBoth(another);
        assertThat(admin.post("/api/v1/credentials/" + idOf(another) + "/revocation", null).status()).isEqualTo(200);
        Thread.sleep(1000);
        assertRefusedOnBoth(another);
    }

    private ConfigurableApplicationContext startAnother(List<String> settings) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                "--coupons.gateway.routing.services.registration-api=" + DOWNSTREAMS.registrationApi().url(),
                "--coupons.gateway.routing.services.coupon-server=" + DOWNSTREAMS.couponServer().url(),
                "--coupons.gateway.routing.services.settlement-relay=" + DOWNSTREAMS.settlementRelay().url()));
        arguments.addAll(settings);
        return new SpringApplicationBuilder(GatewayApplication.class).run(arguments.toArray(String[]::new));
    }

    private String issueTerminalKey() {
        ApiCaller.Reply issued = admin.post("/api/v1/credentials",
                Map.of("kind", "TERMINAL", "label", "a till", "terminalId", TestWorld.TERMINAL_A.toString()), key());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("apiKey").asString();
    }

    /** Admitted on both instances, twice each: the second call is answered from what the instance remembers. */
    private void assertAdmittedOnBoth(String apiKey) {
        for (ApiCaller instance : List.of(first, other)) {
            for (int call = 0; call < 2; call++) {
                assertThat(instance.as(withKey(apiKey)).post("/api/v1/searches", "{}").status()).isEqualTo(200);
            }
        }
    }

    private void assertRefusedOnBoth(String apiKey) {
        for (ApiCaller instance : List.of(first, other)) {
            ApiCaller.Reply reply = instance.as(withKey(apiKey)).post("/api/v1/searches", "{}");
            assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("API_KEY_INVALID");
        }
    }

    private static String urlOf(ConfigurableApplicationContext instance) {
        return "http://localhost:" + instance.getEnvironment().getProperty("local.server.port");
    }

    private static String idOf(String apiKey) {
        return apiKey.substring(0, apiKey.indexOf('.'));
    }

    /** A fresh Idempotency-Key, as a client draws one for each call it may retry. */
    private static String key() {
        return UUID.randomUUID().toString();
    }
}
