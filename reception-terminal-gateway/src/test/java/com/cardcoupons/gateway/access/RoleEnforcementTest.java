package com.cardcoupons.gateway.access;

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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** The route-to-role table enforced over HTTP: wrong roles, other merchants' campaigns and unknown routes stop here. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class RoleEnforcementTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    TestWorld world;
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
        world = new TestWorld(jdbc).load();
        anonymous = ApiCaller.anonymous("http://localhost:" + port);
    }

    @Test
    void onlyTerminalsSearchRedeemAndPay() {
        int before = DOWNSTREAMS.couponServer().requestCount() + DOWNSTREAMS.settlementRelay().requestCount();
        for (String key : new String[] {TestWorld.MERCHANT_A_KEY, TestWorld.APPROVER_KEY, TestWorld.APP_KEY, TestWorld.ADMIN_KEY}) {
            ApiCaller caller = anonymous.as(withKey(key));
            for (String path : new String[] {"/api/v1/searches", "/api/v1/redemptions", "/api/v1/reservations", "/api/v1/payments"}) {
                Reply refused = caller.post(path, "{}");
                assertThat(refused.status()).as(key + " " + path).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("ROLE_NOT_PERMITTED");
            }
        }
        int after = DOWNSTREAMS.couponServer().requestCount() + DOWNSTREAMS.settlementRelay().requestCount();
        assertThat(after).as("no refused call reached a service").isEqualTo(before);
        assertThat(anonymous.as(withKey(TestWorld.TERMINAL_A_KEY)).post("/api/v1/redemptions", "{}").status()).isEqualTo(200);
    }

    @Test
    void onlyApproversApprove() {
        UUID campaign = world.campaignOf(TestWorld.MERCHANT_A, "APPR" + (int) (Math.random() * 9000 + 1000));
        Reply merchant = anonymous.as(withKey(TestWorld.MERCHANT_A_KEY)).post("/api/v1/campaigns/" + campaign + "/approve", "{}");
        assertThat(merchant.status()).isEqualTo(403);
        assertThat(merchant.code()).isEqualTo("ROLE_NOT_PERMITTED");
        Reply approver = anonymous.as(withKey(TestWorld.APPROVER_KEY)).post("/api/v1/campaigns/" + campaign + "/approve", "{}");
        assertThat(approver.status()).isEqualTo(200);
    }

    @Test
    void consumerChannelsOnlyAcquireAndUseWallets() {
        ApiCaller app = anonymous.as(withKey(TestWorld.APP_KEY));
        assertThat(app.post("/api/v1/acquisitions", "{}").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/wallet/coupons").status()).isEqualTo(200);
        assertThat(app.get("/api/v1/campaigns").status()).isEqualTo(403);
        assertThat(app.get("/api/v1/usage/campaigns").status()).isEqualTo(403);
    }

    @Test
    void aMerchantManagesAndReadsOnlyItsOwnCampaigns() {
        UUID own = world.campaignOf(TestWorld.MERCHANT_A, "OWNA" + (int) (Math.random() * 9000 + 1000));
        UUID others = world.campaignOf(TestWorld.MERCHANT_B, "OTHB" + (int) (Math.random() * 9000 + 1000));
        ApiCaller merchantA = anonymous.as(withKey(TestWorld.MERCHANT_A_KEY));

        assertThat(merchantA.get("/api/v1/campaigns/" + own).status()).isEqualTo(200);
        assertThat(merchantA.get("/api/v1/usage/campaigns/" + own + "/daily").status()).isEqualTo(200);

        for (Reply refused : new Reply[] {
                merchantA.get("/api/v1/campaigns/" + others),
                merchantA.post("/api/v1/campaigns/" + others + "/versions", "{}"),
                merchantA.get("/api/v1/usage/campaigns/" + others),
                merchantA.get("/api/v1/usage/campaigns/" + others + "/export.csv")}) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("OTHER_MERCHANT");
        }
        assertThat(anonymous.as(withKey(TestWorld.APPROVER_KEY)).get("/api/v1/campaigns/" + others).status()).isEqualTo(200);
    }

    @Test
    void onlyOperatorsOnboardAndMerchantsReadTheirOwnMerchantThroughTheService() {
        String merchant = "/api/v1/merchants/" + TestWorld.MERCHANT_A;
        int before = DOWNSTREAMS.registrationApi().requestCount();
        for (String key : new String[] {TestWorld.MERCHANT_A_KEY, TestWorld.APPROVER_KEY, TestWorld.APP_KEY, TestWorld.TERMINAL_A_KEY}) {
            ApiCaller caller = anonymous.as(withKey(key));
            for (Reply refused : new Reply[] {
                    caller.post("/api/v1/merchants", "{}"),
                    caller.post(merchant + "/stores", "{}"),
                    caller.put(merchant, "{}"),
                    caller.post(merchant + "/terminals/" + TestWorld.TERMINAL_A + "/decommissioning", "{}")}) {
                assertThat(refused.status()).as(key).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("ROLE_NOT_PERMITTED");
            }
        }
        for (String key : new String[] {TestWorld.APPROVER_KEY, TestWorld.APP_KEY, TestWorld.TERMINAL_A_KEY}) {
            assertThat(anonymous.as(withKey(key)).get(merchant).status()).as(key).isEqualTo(403);
        }
        assertThat(DOWNSTREAMS.registrationApi().requestCount()).as("no refused call reached a service").isEqualTo(before);

        ApiCaller admin = anonymous.as(withKey(TestWorld.ADMIN_KEY));
        assertThat(admin.post("/api/v1/merchants", "{}").status()).isEqualTo(200);
        assertThat(admin.put(merchant + "/stores/" + UUID.randomUUID(), "{}").status()).isEqualTo(200);
        assertThat(admin.post(merchant + "/terminals/" + TestWorld.TERMINAL_A + "/decommissioning", "{}").status()).isEqualTo(200);
        assertThat(anonymous.as(withKey(TestWorld.MERCHANT_A_KEY)).get(merchant + "/terminals").status()).isEqualTo(200);
        assertThat(DOWNSTREAMS.registrationApi().requestCount()).isEqualTo(before + 4);
    }

    @Test
    void merchantsAndOperatorsReachTheWebhookApiAndNoOneElseDoes() {
        String endpoint = "/api/v1/webhooks/endpoints/" + UUID.randomUUID();
        int before = DOWNSTREAMS.registrationApi().requestCount();
        for (String key : new String[] {TestWorld.APPROVER_KEY, TestWorld.APP_KEY, TestWorld.TERMINAL_A_KEY}) {
            ApiCaller caller = anonymous.as(withKey(key));
            for (Reply refused : new Reply[] {
                    caller.post("/api/v1/webhooks/endpoints", "{}"),
                    caller.get("/api/v1/webhooks/endpoints"),
                    caller.get(endpoint + "/deliveries"),
                    caller.send("PATCH", endpoint, "{}", java.util.Map.of()),
                    caller.delete(endpoint)}) {
                assertThat(refused.status()).as(key).isEqualTo(403);
                assertThat(refused.code()).isEqualTo("ROLE_NOT_PERMITTED");
            }
        }
        assertThat(DOWNSTREAMS.registrationApi().requestCount()).as("no refused call reached a service").isEqualTo(before);

        for (String key : new String[] {TestWorld.MERCHANT_A_KEY, TestWorld.ADMIN_KEY}) {
            ApiCaller caller = anonymous.as(withKey(key));
            assertThat(caller.post("/api/v1/webhooks/endpoints", "{}").status()).as(key).isEqualTo(200);
            assertThat(caller.get("/api/v1/webhooks/event-types").status()).as(key).isEqualTo(200);
            assertThat(caller.send("PATCH", endpoint, "{}", java.util.Map.of()).status()).as(key).isEqualTo(200);
            assertThat(caller.post(endpoint + "/rotate-secret", "{}").status()).as(key).isEqualTo(200);
            assertThat(caller.post(endpoint + "/deliveries/" + UUID.randomUUID() + "/redeliver", "{}").status()).as(key).isEqualTo(200);
            assertThat(caller.delete(endpoint).status()).as(key).isEqualTo(200);
        }
        assertThat(DOWNSTREAMS.registrationApi().requestCount()).isEqualTo(before + 12);
    }

    @Test
    void anUnknownRouteIs404AndAnUnsupportedMethod405() {
        ApiCaller terminal = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
        Reply unknown = terminal.get("/api/v1/nothing-here");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("NOT_FOUND");
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");

        Reply outsideTheApi = anonymous.get("/nothing-here");
        assertThat(outsideTheApi.status()).isEqualTo(404);
        assertThat(outsideTheApi.code()).isEqualTo("NOT_FOUND");

        Reply method = terminal.delete("/api/v1/searches");
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.code()).isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void aPathThatIsNotCanonicalIsRefusedBeforeItCanDodgeTheChecks() throws IOException {
        assertThat(rawStatusLine("/actuator/../api/v1/credentials")).contains(" 400 ");
        assertThat(rawStatusLine("/api/v1/searches/../credentials")).contains(" 400 ");
        assertThat(rawStatusLine("/api/v1/searches;x=1")).contains(" 400 ");
        assertThat(rawStatusLine("/api/v1//searches")).contains(" 400 ");
        assertThat(rawStatusLine("/api/v1/%2e%2e/v1/credentials")).contains(" 400 ");
    }

    /** A request line sent as is: HTTP client libraries would normalise these paths before sending them. */
    private String rawStatusLine(String path) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + TestWorld.TERMINAL_A_KEY
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            return response.lines().findFirst().orElse("");
        }
    }
}
