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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** A body over the limit is refused with 413 and never reaches a service, whether its length is declared or not. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "coupons.gateway.request-size.max=1KB")
@IsolatedDatabase
class RequestSizeTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

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
        terminal = ApiCaller.anonymous("http://localhost:" + port).as(withKey(TestWorld.TERMINAL_A_KEY));
    }

    @Test
    void aBodyWithinTheLimitIsForwardedWhole() {
        String body = json(1000);
        assertThat(terminal.post("/api/v1/searches", body).status()).isEqualTo(200);
        assertThat(new String(DOWNSTREAMS.couponServer().last().body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefused() {
        int served = DOWNSTREAMS.couponServer().requestCount();
        Reply refused = terminal.post("/api/v1/searches", json(1025));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(DOWNSTREAMS.couponServer().requestCount()).isEqualTo(served);
    }

    @Test
    void aChunkedBodyIsCountedAsItArrives() throws IOException, InterruptedException {
        int served = DOWNSTREAMS.couponServer().requestCount();
        HttpResponse<String> refused = chunked(json(4096));
        assertThat(refused.statusCode()).isEqualTo(413);
        JsonNode problem = JsonMapper.builder().build().readTree(refused.body());
        assertThat(problem.path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(DOWNSTREAMS.couponServer().requestCount()).isEqualTo(served);

        String small = json(500);
        assertThat(chunked(small).statusCode()).isEqualTo(200);
        assertThat(new String(DOWNSTREAMS.couponServer().last().body(), StandardCharsets.UTF_8)).isEqualTo(small);
    }

    /** Sent from a stream of unknown length, so the client uses chunked transfer encoding. */
    private HttpResponse<String> chunked(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/searches"))
                .header("X-Api-Key", TestWorld.TERMINAL_A_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String json(int length) {
        String prefix = "{\"note\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
    }
}
