package com.cardcoupons.gateway.edge;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import com.cardcoupons.testsupport.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway answers a malformed request as every service does: with Problem Details of the one shape, never a 500
 * or an HTML page, whatever the route (the API, health, API docs) and whether or not a key came with it. And it shows
 * health's details to an administrator only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class MalformedRequestTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();
    private static final String[] ROUTES = {"/actuator/health", "/services/coupon-server/actuator/health", "/api/v1/searches",
            "/v3/api-docs"};

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @Autowired
    IdentitySigner signer;

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
    void malformedQueryStringsAreRefusedOnEveryRouteBeforeAnythingElse() {
        int forwarded = DOWNSTREAMS.couponServer().requestCount();
        for (String route : ROUTES) {
            for (String query : new String[] {"?=x", "?a=%zz", "?a=1&a=2", "?a=%ff"}) {
                RawHttp.Answer answer = RawHttp.send(port, "GET " + route + query + " HTTP/1.1\r\nX-Api-Key: " + TestWorld.TERMINAL_A_KEY, null);
                assertProblem(answer, 400, route + query);
                assertThat(answer.code()).isIn("MALFORMED_QUERY", "DUPLICATE_PARAMETER");
            }
        }
        assertThat(DOWNSTREAMS.couponServer().requestCount()).as("nothing malformed was forwarded").isEqualTo(forwarded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/searches/%zz", "/api/v1/searches%2Fx", "/services/coupon-server/actuator/health%", "/api/v1/%c0%ae%c0%ae/x"})
    void whatTomcatRefusesIsAProblemNotAnHtmlPage(String target) {
        RawHttp.Answer answer = RawHttp.get(port, target);
        assertProblem(answer, 400, target);
        assertThat(answer.body()).doesNotContain("<html", "<!doctype");
    }

    @Test
    void encodedDotsAndSlashesNeverReachAService() {
        int forwarded = DOWNSTREAMS.couponServer().requestCount();
        for (String target : new String[] {"/api/v1/%2e%2e/actuator/health", "/api/v1/searches/..;/x", "/api/v1//searches"}) {
            RawHttp.Answer answer = RawHttp.send(port, "GET " + target + " HTTP/1.1\r\nX-Api-Key: " + TestWorld.TERMINAL_A_KEY, null);
            assertProblem(answer, 400, target);
        }
        assertThat(DOWNSTREAMS.couponServer().requestCount()).isEqualTo(forwarded);
    }

    @Test
    void headersTooLargeAreAProblem() {
        RawHttp.Answer answer = RawHttp.send(port, "GET /actuator/health HTTP/1.1\r\nX-Big: " + "a".repeat(20_000), null);
        assertThat(answer.status()).as(answer.toString()).isIn(400, 431);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aMethodTheRouteDoesNotServeIs405WithAllow() {
        Reply reply = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY)).send("DELETE", "/api/v1/searches", null, Map.of());
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
        Reply own = anonymous.send("PATCH", "/actuator/health", null, Map.of());
        assertThat(own.status()).isEqualTo(405);
        assertThat(own.header("Allow")).isNotBlank();
    }

    @Test
    void everyRefusalOfTheGatewayHasTheOneShape() {
        ApiCaller terminal = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY));
        for (Reply reply : new Reply[] {anonymous.get("/api/v1/campaigns"), terminal.get("/api/v1/campaigns"),
                terminal.get("/api/v1/nothing"), terminal.send("DELETE", "/api/v1/searches", null, Map.of()),
                anonymous.as(withKey("nope.nope")).get("/api/v1/searches")}) {
            assertThat(reply.header("Content-Type")).as(reply.toString()).startsWith("application/problem+json");
            for (String member : new String[] {"type", "title", "status", "code", "instance", "correlationId"}) {
                assertThat(reply.json().has(member)).as(member + " in " + reply).isTrue();
            }
        }
    }

    @Test
    void healthShowsItsDetailsToAnAdministratorOnly() {
        Reply anonymousHealth = anonymous.get("/actuator/health");
        assertThat(anonymousHealth.json().properties()).extracting(Map.Entry::getKey)
                .as("the status, and the names of the probe groups").containsOnly("status", "groups");
        Reply merchantHealth = anonymous.as(withKey(TestWorld.MERCHANT_A_KEY)).get("/actuator/health");
        assertThat(merchantHealth.json().has("components")).isFalse();
        Reply adminHealth = anonymous.as(withKey(TestWorld.ADMIN_KEY)).get("/actuator/health");
        assertThat(adminHealth.json().path("components").has("db")).as(adminHealth.toString()).isTrue();
        assertThat(anonymous.as(withKey("nope.nope")).get("/actuator/health").status()).isEqualTo(401);

        anonymous.get("/services/coupon-server/actuator/health");
        assertThat(DOWNSTREAMS.couponServer().last().header("X-Coupons-Role")).as("no identity for an anonymous operator").isNull();
        anonymous.as(withKey(TestWorld.ADMIN_KEY)).get("/services/coupon-server/actuator/health");
        var forwarded = DOWNSTREAMS.couponServer().last();
        assertThat(forwarded.header("X-Coupons-Role")).isEqualTo("PLATFORM_ADMIN");
        assertThat(signer.verify(forwarded::header, "GET", "/actuator/health")).as("signed for the path the service sees").isPresent();
    }

    private static void assertProblem(RawHttp.Answer answer, int status, String what) {
        assertThat(answer.status()).as(what + ": " + answer).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what + ": " + answer).startsWith("application/problem+json");
        for (String member : new String[] {"type", "title", "status", "code", "instance", "correlationId"}) {
            assertThat(answer.json().has(member)).as(member + " in " + what + ": " + answer).isTrue();
        }
    }
}
