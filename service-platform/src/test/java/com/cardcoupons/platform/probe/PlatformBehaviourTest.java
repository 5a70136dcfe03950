package com.cardcoupons.platform.probe;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.IdentityHeaders;
import com.cardcoupons.platform.identity.IdentitySigner;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import com.cardcoupons.testsupport.IsolatedDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
@ExtendWith(OutputCaptureExtension.class)
class PlatformBehaviourTest {

    private static final String VALID_BODY = """
            {"name":"%s","fee":{"amountMinor":100,"currency":"JPY"},
             "medium":{"type":"CREDIT","cardNumber":"4111 1111 1111 1111"}}""";

    @LocalServerPort
    int port;

    @Autowired
    IdentitySigner signer;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper jsonMapper;

    @Autowired
    LocalValidatorFactoryBean validatorFactory;

    ApiCaller merchant;
    ApiCaller anonymous;

    @BeforeEach
    void callers() {
        anonymous = ApiCaller.anonymous("http://localhost:" + port);
        merchant = anonymous.as(signedAs(CallerIdentity.merchant("merchant-user", UUID.randomUUID())));
    }

    @Nested
    class GatewayIdentity {

        @Test
        void aCallWithoutTheGatewaysSignatureIsRefused() {
            Reply reply = anonymous.get("/api/probe/whoami");
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.code()).isEqualTo("GATEWAY_IDENTITY_MISSING");
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        }

        @Test
        void aForgedOrReusedSignatureIsRefused() {
            Map<String, String> forged = new HashMap<>(signer.sign(CallerIdentity.approver("someone"), "GET", "/api/probe/whoami"));
            forged.put(IdentityHeaders.ROLE, "APPROVER");
            forged.put(IdentityHeaders.PRINCIPAL, "mallory");
            assertThat(anonymous.send("GET", "/api/probe/whoami", null, forged).code()).isEqualTo("GATEWAY_IDENTITY_INVALID");

            Map<String, String> otherPath = signer.sign(CallerIdentity.approver("someone"), "GET", "/api/probe/other");
            assertThat(anonymous.send("GET", "/api/probe/whoami", null, otherPath).status()).isEqualTo(401);
        }

        @Test
        void dotSegmentsCannotSmuggleACallPastTheCheck() throws Exception {
            for (String path : List.of("/actuator/../api/probe/whoami", "/api/probe/./whoami", "/x/%2e%2e/api/probe/whoami",
                    "/api/probe/whoami;jsessionid=1")) {
                String reply = rawGet(path);
                assertThat(reply).as(path).doesNotStartWith("HTTP/1.1 200");
                assertThat(reply).as(path).containsAnyOf("GATEWAY_IDENTITY_MISSING", "NON_CANONICAL_PATH", "HTTP/1.1 400", "HTTP/1.1 404");
            }
        }

        @Test
        void theVerifiedCallerReachesTheHandler() {
            Reply reply = merchant.get("/api/probe/whoami");
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().path("principal").asString()).isEqualTo("merchant-user");
            assertThat(reply.json().path("role").asString()).isEqualTo("MERCHANT");
        }

        @Test
        void aRoleNotDeclaredByTheEndpointIsForbidden() {
            assertThat(merchant.get("/api/probe/approvers-only").code()).isEqualTo("ROLE_NOT_PERMITTED");
            Reply undeclared = anonymous.as(signedAs(CallerIdentity.approver("a"))).get("/api/probe/undeclared");
            assertThat(undeclared.status()).isEqualTo(403);
        }

        @Test
        void operationsEndpointsStayOpen() {
            assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
            Reply readiness = anonymous.get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(200);
            assertThat(readiness.json().properties()).extracting(Map.Entry::getKey).containsExactly("status");
            assertThat(anonymous.get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
            assertThat(anonymous.get("/v3/api-docs").json().path("paths").has("/api/probe/merchants")).isTrue();
        }
    }

    @Nested
    class HealthDetails {

        @Test
        void anAdministratorTheGatewaySignedForSeesTheComponentsAndNobodyElse() {
            CallerIdentity admin = new CallerIdentity("admin-1", Role.PLATFORM_ADMIN, null, null, null, null);
            Reply details = anonymous.as(signedAs(admin)).get("/actuator/health/readiness");
            assertThat(details.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
            Reply merchantAsks = merchant.get("/actuator/health");
            assertThat(merchantAsks.json().has("components")).isFalse();
            Reply forged = anonymous.send("GET", "/actuator/health", null, Map.of(
                    "X-Coupons-Principal", "admin-1", "X-Coupons-Role", "PLATFORM_ADMIN", "X-Coupons-Identity-Signature", "forged"));
            assertThat(forged.json().has("components")).isFalse();
        }
    }

    @Nested
    class BadInput {

        @Test
        void aCardNumberFailingLuhnNamesTheFieldAndNeverEchoesTheNumber() {
            Reply reply = merchant.post("/api/probe/merchants",
                    VALID_BODY.formatted("m").replace("4111 1111 1111 1111", "4111111111111112"), "k-luhn");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("CARD_NUMBER_FAILS_LUHN");
            assertThat(reply.json().path("field").asString()).isEqualTo("medium.cardNumber");
            assertThat(reply.body()).doesNotContain("4111111111111112");
        }

        @Test
        void anUnknownCurrencyOrANegativeAmountNamesTheField() {
            Reply currency = merchant.post("/api/probe/merchants", VALID_BODY.formatted("m").replace("JPY", "XYZ"), "k-cur");
            assertThat(currency.code()).isEqualTo("UNKNOWN_CURRENCY");
            assertThat(currency.json().path("field").asString()).isEqualTo("fee.currency");

            Reply negative = merchant.post("/api/probe/merchants", VALID_BODY.formatted("m").replace("100", "-5"), "k-neg");
            assertThat(negative.code()).isEqualTo("NEGATIVE_AMOUNT");
            assertThat(negative.json().path("field").asString()).isEqualTo("fee.amountMinor");
        }

        @Test
        void aMissingFieldIsNamedByBeanValidation() {
            Reply reply = merchant.post("/api/probe/merchants", "{\"name\":\"m\"}", "k-missing");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("NOT_NULL");
            assertThat(reply.json().path("field").asString()).isEqualTo("fee");
        }

        @Test
        void requestsAreValidatedAsValuesWithoutAskingThePersistenceProvider() {
            assertThat(validatorFactory.getTraversableResolver().getClass().getSimpleName())
                    .isEqualTo("EveryPropertyTraversable");
        }

        @Test
        void aMisspeltFieldIsRefusedByName() {
            Reply reply = merchant.post("/api/probe/merchants", VALID_BODY.formatted("m").replace("\"fee\"", "\"fees\""), "k-typo");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("UNKNOWN_FIELD");
            assertThat(reply.json().path("field").asString()).isEqualTo("fees");
        }

        @Test
        void malformedJsonIsA400WithAStableCode() {
            Reply reply = merchant.post("/api/probe/merchants", "{\"name\":", "k-malformed");
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("MALFORMED_JSON");
        }

        @Test
        void anUnknownPathIsAProblemToo() {
            Reply reply = merchant.get("/api/probe/nothing-here");
            assertThat(reply.status()).isEqualTo(404);
            assertThat(reply.code()).isEqualTo("NOT_FOUND");
        }

        @Test
        void anUnexpectedFailureRevealsNothing() {
            Reply reply = merchant.post("/api/probe/merchants", VALID_BODY.formatted("explode"), "k-explode");
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.code()).isEqualTo("INTERNAL_ERROR");
            assertThat(reply.body()).doesNotContain("IllegalStateException").doesNotContain("exploded");
            assertThat(merchantsNamed("explode")).as("nothing half-written").isZero();
        }
    }

    @Nested
    class Idempotency {

        @Test
        void aRetryReturnsTheFirstOutcomeAndWritesNothingMore() {
            Reply first = merchant.post("/api/probe/merchants", VALID_BODY.formatted("retry"), "key-1");
            Reply retry = merchant.post("/api/probe/merchants", VALID_BODY.formatted("retry"), "key-1");
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(merchantsNamed("retry")).isEqualTo(1);
        }

        @Test
        void theSameKeyWithAnotherBodyIsA422() {
            merchant.post("/api/probe/merchants", VALID_BODY.formatted("first"), "key-2");
            Reply other = merchant.post("/api/probe/merchants", VALID_BODY.formatted("second"), "key-2");
            assertThat(other.status()).isEqualTo(422);
            assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(merchantsNamed("second")).isZero();
        }

        @Test
        void keysBelongToTheirCaller() {
            ApiCaller otherMerchant = anonymous.as(signedAs(CallerIdentity.merchant("other-user", UUID.randomUUID())));
            merchant.post("/api/probe/merchants", VALID_BODY.formatted("mine"), "shared-key");
            Reply theirs = otherMerchant.post("/api/probe/merchants", VALID_BODY.formatted("theirs"), "shared-key");
            assertThat(theirs.status()).isEqualTo(201);
            assertThat(merchantsNamed("theirs")).isEqualTo(1);
        }

        @Test
        void aKeyIsRequiredWhereTheEndpointSaysSo() {
            Reply reply = merchant.post("/api/probe/merchants", VALID_BODY.formatted("nokey"));
            assertThat(reply.status()).isEqualTo(400);
            assertThat(reply.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
            assertThat(reply.json().path("field").asString()).isEqualTo("Idempotency-Key");
        }

        @Test
        void aRefusalWritesNothingNotEvenUnderItsKeySoARetryRunsAgain() {
            long records = idempotencyRecords();
            Reply first = merchant.post("/api/probe/merchants", VALID_BODY.formatted("refuse"), "key-3");
            Reply retry = merchant.post("/api/probe/merchants", VALID_BODY.formatted("refuse"), "key-3");
            assertThat(first.status()).isEqualTo(409);
            assertThat(retry.status()).isEqualTo(409);
            assertThat(retry.header("Idempotency-Replayed")).isNull();
            assertThat(idempotencyRecords()).isEqualTo(records);
            Reply later = merchant.post("/api/probe/merchants", VALID_BODY.formatted("refuse").replace("100", "200"), "key-3");
            assertThat(later.code()).as("the key is still free: no other request is on record under it").isEqualTo("PROBE_REFUSED");
        }

        @Test
        void aRetryOfASuccessThatWouldNowBeRefusedStillGetsTheSuccess() {
            Reply first = merchant.post("/api/probe/merchants", VALID_BODY.formatted("once"), "key-7");
            Reply retry = merchant.post("/api/probe/merchants", VALID_BODY.formatted("once"), "key-7");
            assertThat(first.status()).isEqualTo(201);
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(retry.body()).isEqualTo(first.body());
        }

        @Test
        void aFailureIsNotRecordedSoARetryRunsAgain() {
            merchant.post("/api/probe/merchants", VALID_BODY.formatted("explode"), "key-4");
            Reply retry = merchant.post("/api/probe/merchants", VALID_BODY.formatted("explode"), "key-4");
            assertThat(retry.header("Idempotency-Replayed")).isNull();
        }

        @Test
        void aLostRaceIsNotRecordedSoARetryRunsAgain() {
            Reply first = merchant.post("/api/probe/merchants", VALID_BODY.formatted("contend"), "key-5");
            Reply retry = merchant.post("/api/probe/merchants", VALID_BODY.formatted("contend"), "key-5");
            assertThat(first.code()).isEqualTo("CONCURRENT_UPDATE");
            assertThat(retry.code()).isEqualTo("CONCURRENT_UPDATE");
            assertThat(retry.header("Idempotency-Replayed")).isNull();
            assertThat(merchantsNamed("contend")).as("nothing written").isZero();
        }

        @Test
        void aReplayKeepsTheCorrelationIdOfTheRetry() {
            merchant.send("POST", "/api/probe/merchants", VALID_BODY.formatted("correlated"),
                    Map.of("Idempotency-Key", "key-6", "X-Correlation-Id", "first-call-000001"));
            Reply retry = merchant.send("POST", "/api/probe/merchants", VALID_BODY.formatted("correlated"),
                    Map.of("Idempotency-Key", "key-6", "X-Correlation-Id", "retry-call-000002"));
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(retry.header("X-Correlation-Id")).isEqualTo("retry-call-000002");
        }

        @Test
        void concurrentRetriesCommitTheCallOnceAndAllGetTheSameAnswer() throws Exception {
            List<Reply> replies = race(20, () -> merchant.post("/api/probe/merchants", VALID_BODY.formatted("racing"),
                    "racing-key"));

            assertThat(replies).extracting(Reply::status).containsOnly(201);
            assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
            assertThat(merchantsNamed("racing")).isEqualTo(1);
        }
    }

    /** A handler that records its outcome in the statement that does its work gives its callers the same guarantees. */
    @Nested
    class IdempotencyInOneStatement {

        private static final String PATH = "/api/probe/merchants/in-one-statement";

        @Test
        void aRetryReturnsTheFirstOutcomeByteForByteAndWritesNothingMore() {
            Reply first = merchant.post(PATH, VALID_BODY.formatted("own-retry"), "own-1");
            Reply retry = merchant.post(PATH, VALID_BODY.formatted("own-retry"), "own-1");
            assertThat(first.status()).isEqualTo(201);
            assertThat(first.header("Idempotency-Replayed")).isNull();
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("Content-Type")).startsWith("application/json");
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(merchantsNamed("own-retry")).isEqualTo(1);
        }

        @Test
        void theSameKeyWithAnotherBodyIsA422() {
            merchant.post(PATH, VALID_BODY.formatted("own-first"), "own-2");
            Reply other = merchant.post(PATH, VALID_BODY.formatted("own-second"), "own-2");
            assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
            assertThat(merchantsNamed("own-second")).isZero();
        }

        @Test
        void aRefusalIsNotRecorded() {
            long records = idempotencyRecords();
            Reply first = merchant.post(PATH, VALID_BODY.formatted("refuse"), "own-3");
            Reply retry = merchant.post(PATH, VALID_BODY.formatted("refuse"), "own-3");
            assertThat(first.code()).isEqualTo("PROBE_REFUSED");
            assertThat(retry.code()).isEqualTo("PROBE_REFUSED");
            assertThat(retry.header("Idempotency-Replayed")).isNull();
            assertThat(idempotencyRecords()).isEqualTo(records);
        }

        @Test
        void concurrentRetriesCommitTheCallOnceAndAllGetTheSameAnswer() throws Exception {
            List<Reply> replies = race(20, () -> merchant.post(PATH, VALID_BODY.formatted("own-racing"), "own-racing-key"));

            assertThat(replies).extracting(Reply::status).containsOnly(201);
            assertThat(replies).extracting(Reply::body).containsOnly(replies.get(0).body());
            assertThat(replies).filteredOn(reply -> reply.header("Idempotency-Replayed") == null).hasSize(1);
            assertThat(merchantsNamed("own-racing")).isEqualTo(1);
        }
    }

    @Nested
    class WireFormat {

        @Test
        void moneyTravelsAsMinorUnitsAndAnIsoCurrencyOnly() {
            assertThat(jsonMapper.writeValueAsString(Money.of(1200, "JPY"))).isEqualTo("{\"amountMinor\":1200,\"currency\":\"JPY\"}");
            assertThat(jsonMapper.readValue("{\"amountMinor\":1200,\"currency\":\"JPY\"}", Money.class)).isEqualTo(Money.of(1200, "JPY"));
        }
    }

    @Nested
    class Observability {

        @Test
        void theCorrelationIdIsAdoptedOrCreatedAndReturned(CapturedOutput output) {
            Reply adopted = merchant.send("GET", "/api/probe/whoami", null, Map.of("X-Correlation-Id", "till-42-abcdef"));
            assertThat(adopted.header("X-Correlation-Id")).isEqualTo("till-42-abcdef");
            Reply created = merchant.get("/api/probe/whoami");
            assertThat(created.header("X-Correlation-Id")).hasSize(36);
            Reply forged = merchant.send("GET", "/api/probe/whoami", null, Map.of("X-Correlation-Id", "bad id; with spaces"));
            assertThat(forged.header("X-Correlation-Id")).doesNotContain(" ");
        }

        @Test
        void logsAreStructuredCarryTheCorrelationIdAndMaskCardNumbers(CapturedOutput output) {
            merchant.send("POST", "/api/probe/echo-log", "paid with 4111 1111 1111 1111", Map.of(
                    "X-Correlation-Id", "corr-log-123456", "Content-Type", "text/plain"));
            String line = output.getAll().lines().filter(l -> l.contains("probe received")).findFirst().orElseThrow();
            assertThat(line).startsWith("{").contains("\"correlationId\":\"corr-log-123456\"").contains("[PAN ****1111]");
            assertThat(output.getAll()).doesNotContain("4111 1111 1111 1111");
        }
    }

    private java.util.function.BiFunction<String, String, Map<String, String>> signedAs(CallerIdentity identity) {
        return (method, path) -> signer.sign(identity, method, path);
    }

    /** A request line sent as is, which HTTP client libraries would normalise first. */
    private String rawGet(String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private long idempotencyRecords() {
        return jdbc.sql("select count(*) from registration_idempotency_record").query(Long.class).single();
    }

    private long merchantsNamed(String name) {
        return jdbc.sql("select count(*) from merchant where name = ?").param(name).query(Long.class).single();
    }

    /** Makes the same call from {@code threads} threads released at once, and gives back every reply. */
    private static List<Reply> race(int threads, Callable<Reply> call) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> futures = IntStream.range(0, threads).mapToObj(i -> pool.submit(() -> {
                start.await();
                return call.call();
            })).toList();
            start.countDown();
            return futures.stream().map(PlatformBehaviourTest::await).toList();
        } finally {
            pool.shutdown();
        }
    }

    private static Reply await(Future<Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
