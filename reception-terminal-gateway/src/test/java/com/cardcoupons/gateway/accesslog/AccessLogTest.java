package com.cardcoupons.gateway.accesslog;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.TestWorld;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One structured line per request, and a card number in the path or query never appears in it, however encoded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
@ExtendWith(OutputCaptureExtension.class)
class AccessLogTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    void eachRequestIsOneStructuredLineWithWhoWhatHowLongAndTheCorrelationId(CapturedOutput output) {
        Reply reply = anonymous.as(withKey(TestWorld.TERMINAL_A_KEY)).post("/api/v1/searches?explain=true", "{}");

        JsonNode line = accessLine(output, reply);
        assertThat(line.path("http").path("request").path("method").asString()).isEqualTo("POST");
        assertThat(line.path("url").path("path").asString()).isEqualTo("/api/v1/searches");
        assertThat(line.path("url").path("query").asString()).isEqualTo("explain=true");
        assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(200);
        assertThat(line.path("event").path("duration").asLong()).isPositive();
        assertThat(line.path("user").path("name").asString()).isEqualTo("test-terminal-a");
        assertThat(line.path("user").path("roles").asString()).isEqualTo("TERMINAL");
    }

    @Test
    void refusalsAreLoggedTooWithoutAPrincipal(CapturedOutput output) {
        Reply refused = anonymous.get("/api/v1/campaigns");
        JsonNode line = accessLine(output, refused);
        assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(401);
        assertThat(line.path("user").path("name").asString()).isEqualTo("-");
    }

    @Test
    void cardNumbersInPathsAndQueriesAreMaskedHoweverTheyAreEncoded(CapturedOutput output) {
        ApiCaller app = anonymous.as(withKey(TestWorld.APP_KEY));
        List<Reply> replies = List.of(
                app.get("/api/v1/wallet/coupons?cardNumber=4111111111111111"),
                app.get("/api/v1/wallet/coupons?cardNumber=4111%201111%201111%201111"),
                app.get("/api/v1/wallet/coupons?cardNumber=4111+1111+1111+1111&x=1"),
                app.get("/api/v1/wallet/coupons?cardNumber=5555-5555-5555-4444"),
                app.get("/api/v1/wallet/cards/3530111333300000/coupons"),
                anonymous.get("/api/v1/wallet/cards/4111111111111111/coupons"));
        replies.forEach(reply -> accessLine(output, reply));

        assertThat(output.getOut())
                .doesNotContain("4111111111111111", "4111%201111", "4111+1111", "4111 1111 1111 1111",
                        "5555-5555-5555-4444", "5555555555554444", "3530111333300000")
                .contains("[PAN ****1111]", "[PAN ****4444]", "[PAN ****0000]");
    }

    @Test
    void theMaskCoversTheCardNumberAloneNeverTheStatusOrDurationAfterIt(CapturedOutput output) {
        Reply reply = anonymous.as(withKey(TestWorld.APP_KEY)).get("/api/v1/wallet/cards/4111111111111111");
        JsonNode line = accessLine(output, reply);
        assertThat(line.path("message").asString())
                .isEqualTo("GET /api/v1/wallet/cards/[PAN ****1111] -> " + reply.status() + " in "
                        + line.path("message").asString().replaceAll(".* in (\\d+)ms by .*", "$1") + "ms by test-mobile-app");
        assertThat(line.path("http").path("response").path("status_code").asInt()).isEqualTo(reply.status());
    }

    @Test
    void maskingDecodesBeforeItLooks() {
        assertThat(AccessLogFilter.masked("cardNumber=4111%201111%201111%201111", true)).isEqualTo("cardNumber=[PAN ****1111]");
        assertThat(AccessLogFilter.masked("cardNumber=4111+1111+1111+1111", true)).isEqualTo("cardNumber=[PAN ****1111]");
        assertThat(AccessLogFilter.masked("/cards/4111111111111111/x", false)).isEqualTo("/cards/[PAN ****1111]/x");
        assertThat(AccessLogFilter.masked("4111%201111%201111%201111%2", true)).isEqualTo("[PAN ****1111]%2");
        assertThat(AccessLogFilter.masked("amount=123456789012", true)).as("not a Luhn number").isEqualTo("amount=123456789012");
    }

    /** The access log line of a reply; it is written once the response is complete, so it may come a moment later. */
    private static JsonNode accessLine(CapturedOutput output, Reply reply) {
        String correlationId = reply.header("X-Correlation-Id");
        return await().atMost(Duration.ofSeconds(5)).until(() -> output.getOut().lines()
                .filter(line -> line.startsWith("{") && line.contains("\"com.cardcoupons.gateway.access\""))
                .map(JSON::readTree)
                .filter(line -> line.path("correlationId").asString().equals(correlationId))
                .findFirst(), Optional::isPresent).orElseThrow();
    }
}
