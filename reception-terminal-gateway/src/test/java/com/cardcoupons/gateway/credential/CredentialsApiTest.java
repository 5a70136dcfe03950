package com.cardcoupons.gateway.credential;

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

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.cardcoupons.gateway.TestWorld.withKey;
import static org.assertj.core.api.Assertions.assertThat;

/** An administrator issues, rotates and revokes keys; the keys work, stop and change exactly as promised. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "coupons.gateway.credentials.bootstrap-admin-key=" + CredentialsApiTest.BOOTSTRAP_KEY)
@IsolatedDatabase
class CredentialsApiTest {

    static final String BOOTSTRAP_KEY = "first-admin.the-bootstrap-secret-given-at-install-000";

    private static final Downstreams DOWNSTREAMS = Downstreams.start();

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    @Autowired
    KeyedCalls keyedCalls;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    ApiCaller anonymous;
    ApiCaller admin;

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
        admin = anonymous.as(withKey(TestWorld.ADMIN_KEY));
    }

    @Test
    void anIssuedTerminalKeyIsBoundToItsTerminalAndShownOnce() {
        Reply issued = admin.post("/api/v1/credentials",
                Map.of("kind", "TERMINAL", "label", "Store A till 1", "terminalId", TestWorld.TERMINAL_A.toString()), key());
        assertThat(issued.status()).isEqualTo(201);
        String apiKey = issued.json().path("apiKey").asString();
        JsonNode credential = issued.json().path("credential");
        String id = credential.path("id").asString();
        assertThat(apiKey).startsWith(id + ".");
        assertThat(credential.path("merchantId").asString()).isEqualTo(TestWorld.MERCHANT_A.toString());
        assertThat(credential.path("storeId").asString()).isEqualTo(TestWorld.STORE_A.toString());
        assertThat(credential.path("issuedBy").asString()).isEqualTo("test-admin");
        assertThat(issued.header("Location")).isEqualTo("/api/v1/credentials/" + id);

        Reply read = admin.get("/api/v1/credentials/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(secretOf(apiKey)).doesNotContain("apiKey");

        assertThat(anonymous.as(withKey(apiKey)).post("/api/v1/searches", "{}").status()).isEqualTo(200);
        assertThat(DOWNSTREAMS.couponServer().last().header("X-Coupons-Terminal")).isEqualTo(TestWorld.TERMINAL_A.toString());
    }

    @Test
    void onlyTheHashOfASecretIsStored() {
        String apiKey = issue(Map.of("kind", "APPROVER", "label", "Aiko"));
        String id = apiKey.substring(0, apiKey.indexOf('.'));
        String secret = secretOf(apiKey);
        List<String> row = jdbc.sql("select * from api_credential where id = ?").param(id)
                .query((rs, n) -> {
                    java.util.ArrayList<String> columns = new java.util.ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        columns.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value));
                    }
                    return columns;
                }).single();
        assertThat(row).noneMatch(column -> column.contains(secret));
        byte[] hash = jdbc.sql("select secret_hash from api_credential where id = ?").param(id).query(byte[].class).single();
        assertThat(hash).isEqualTo(SecretHash.of(secret).bytes());
    }

    @Test
    void aRevokedKeyStopsWorkingOnTheVeryNextCall() {
        String apiKey = issue(Map.of("kind", "TERMINAL", "label", "to revoke", "terminalId", TestWorld.TERMINAL_A.toString()));
        ApiCaller terminal = anonymous.as(withKey(apiKey));
        assertThat(terminal.post("/api/v1/searches", "{}").status()).isEqualTo(200);

        Reply revoked = admin.post("/api/v1/credentials/" + idOf(apiKey) + "/revocation", null);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("REVOKED");
        assertThat(revoked.json().path("revokedBy").asString()).isEqualTo("test-admin");

        Reply refused = terminal.post("/api/v1/searches", "{}");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("API_KEY_INVALID");

        Reply again = admin.post("/api/v1/credentials/" + idOf(apiKey) + "/revocation", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("CREDENTIAL_REVOKED");
    }

    @Test
    void aRotationStopsTheOldSecretAtOnceUnlessAnOverlapIsAsked() {
        String first = issue(Map.of("kind", "MERCHANT", "label", "Merchant A back office", "merchantId", TestWorld.MERCHANT_A.toString()));
        Reply rotated = admin.post("/api/v1/credentials/" + idOf(first) + "/rotation", null, key());
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().path("apiKey").asString();
        assertThat(idOf(second)).isEqualTo(idOf(first));
        assertThat(anonymous.as(withKey(first)).get("/api/v1/campaigns").status()).isEqualTo(401);
        assertThat(anonymous.as(withKey(second)).get("/api/v1/campaigns").status()).isEqualTo(200);

        Reply overlapping = admin.post("/api/v1/credentials/" + idOf(second) + "/rotation", Map.of("overlapSeconds", 600), key());
        String third = overlapping.json().path("apiKey").asString();
        assertThat(overlapping.json().path("credential").path("previousSecretValidUntil").isMissingNode()).isFalse();
        assertThat(anonymous.as(withKey(second)).get("/api/v1/campaigns").status()).isEqualTo(200);
        assertThat(anonymous.as(withKey(third)).get("/api/v1/campaigns").status()).isEqualTo(200);

        Reply tooLong = admin.post("/api/v1/credentials/" + idOf(third) + "/rotation", Map.of("overlapSeconds", 90_000), key());
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("OVERLAP_TOO_LONG");
    }

    @Test
    void ofRotationsAtTheSameMomentNoneIsLost() throws Exception {
        String apiKey = issue(Map.of("kind", "APPROVER", "label", "rotated by several admins at once"));
        int admins = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(admins);
        List<Future<Reply>> rotations = new ArrayList<>();
        for (int i = 0; i < admins; i++) {
            rotations.add(threads.submit(() -> {
                go.await();
                return admin.post("/api/v1/credentials/" + idOf(apiKey) + "/rotation", Map.of("overlapSeconds", 600), key());
            }));
        }
        go.countDown();
        List<String> handedOut = new ArrayList<>();
        for (Future<Reply> rotation : rotations) {
            Reply reply = rotation.get(30, TimeUnit.SECONDS);
            if (reply.status() == 200) {
                handedOut.add(reply.json().path("apiKey").asString());
            } else {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
                assertThat(reply.code()).as(reply.toString()).isEqualTo("CONCURRENT_UPDATE");
            }
        }
        threads.shutdown();

        // each rotation that was answered rotated out the one before it: the newest key and the one it overlaps
        // work, and a key handed out but silently overwritten by a concurrent rotation would be missing here
        long working = handedOut.stream()
                .filter(key -> anonymous.as(withKey(key)).get("/api/v1/campaigns").status() == 200).count();
        assertThat(handedOut).isNotEmpty();
        assertThat(working).isEqualTo(Math.min(2, handedOut.size()));
    }

    @Test
    void revokedCredentialsCanBeListed() {
        String apiKey = issue(Map.of("kind", "CONSUMER_CHANNEL", "label", "Retired web shop", "channel", "WEB"));
        assertThat(admin.post("/api/v1/credentials/" + idOf(apiKey) + "/revocation", null).status()).isEqualTo(200);

        Reply revoked = admin.get("/api/v1/credentials?status=REVOKED");
        assertThat(revoked.json().valueStream().map(node -> node.path("id").asString())).contains(idOf(apiKey));
        assertThat(revoked.json().valueStream().map(node -> node.path("status").asString())).containsOnly("REVOKED");
        Reply active = admin.get("/api/v1/credentials?kind=CONSUMER_CHANNEL&status=ACTIVE");
        assertThat(active.json().valueStream().map(node -> node.path("id").asString()))
                .contains("test-mobile-app").doesNotContain(idOf(apiKey));
        assertThat(admin.get("/api/v1/credentials").json().valueStream().map(node -> node.path("id").asString()))
                .contains(idOf(apiKey), "test-mobile-app", "test-terminal-a", "first-admin");
    }

    @Test
    void aConsumerChannelKeyCarriesItsChannel() {
        String apiKey = issue(Map.of("kind", "CONSUMER_CHANNEL", "label", "TV receiver", "channel", "DIGITAL_BROADCAST"));
        assertThat(anonymous.as(withKey(apiKey)).post("/api/v1/acquisitions", "{}").status()).isEqualTo(200);
        assertThat(DOWNSTREAMS.registrationApi().last().header("X-Coupons-Channel")).isEqualTo("DIGITAL_BROADCAST");
        assertThat(DOWNSTREAMS.registrationApi().last().header("X-Coupons-Role")).isEqualTo("CONSUMER_CHANNEL");
    }

    @Test
    void badIssueRequestsNameTheField() {
        expect(admin.post("/api/v1/credentials", Map.of("kind", "TERMINAL", "label", "no terminal"), key()),
                400, "FIELD_REQUIRED", "terminalId");
        expect(admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "x", "merchantId", TestWorld.MERCHANT_A.toString()), key()),
                400, "UNEXPECTED_FIELD", "merchantId");
        expect(admin.post("/api/v1/credentials", Map.of("kind", "TERMINAL", "label", "x", "terminalId", UUID.randomUUID().toString()), key()),
                422, "UNKNOWN_TERMINAL", "terminalId");
        expect(admin.post("/api/v1/credentials", Map.of("kind", "MERCHANT", "label", "x", "merchantId", UUID.randomUUID().toString()), key()),
                422, "UNKNOWN_MERCHANT", "merchantId");
        expect(admin.post("/api/v1/credentials", Map.of("kind", "WIZARD", "label", "x"), key()), 400, "INVALID_FORMAT", "kind");
        expect(admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", ""), key()), 400, "NOT_BLANK", "label");
        expect(admin.get("/api/v1/credentials/no-such-key"), 404, "CREDENTIAL_NOT_FOUND", null);
    }

    @Test
    void aDecommissionedTerminalGetsNoKey() {
        UUID retired = UUID.randomUUID();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code, status) values (?, ?, ?, 'OLD', 'DECOMMISSIONED')")
                .params(retired, TestWorld.MERCHANT_A, TestWorld.STORE_A).update();
        expect(admin.post("/api/v1/credentials", Map.of("kind", "TERMINAL", "label", "x", "terminalId", retired.toString()), key()),
                422, "TERMINAL_NOT_ACTIVE", "terminalId");
    }

    @Test
    void aClosedMerchantGetsNoKey() {
        UUID closed = UUID.randomUUID();
        jdbc.sql("insert into merchant (id, name, status, closed_at, close_reason) values (?, 'Gone', 'CLOSED', now(), 'sold')")
                .param(closed).update();
        expect(admin.post("/api/v1/credentials", Map.of("kind", "MERCHANT", "label", "x", "merchantId", closed.toString()), key()),
                422, "MERCHANT_CLOSED", "merchantId");
    }

    @Test
    void aListShowsTheMerchantAndStoreOfEveryTerminalKey() {
        Reply listed = admin.get("/api/v1/credentials?kind=TERMINAL");
        JsonNode terminalB = listed.json().valueStream().filter(node -> node.path("id").asString().equals("test-terminal-b"))
                .findFirst().orElseThrow();
        assertThat(terminalB.path("terminalId").asString()).isEqualTo(TestWorld.TERMINAL_B.toString());
        assertThat(terminalB.path("merchantId").asString()).isEqualTo(TestWorld.MERCHANT_B.toString());
        assertThat(terminalB.path("storeId").asString()).isEqualTo(TestWorld.STORE_B.toString());
        assertThat(admin.get("/api/v1/credentials/test-merchant-a").json().path("merchantId").asString())
                .isEqualTo(TestWorld.MERCHANT_A.toString());
    }

    @Test
    void onlyAPlatformAdminManagesCredentials() {
        for (String key : List.of(TestWorld.APPROVER_KEY, TestWorld.MERCHANT_A_KEY, TestWorld.TERMINAL_A_KEY, TestWorld.APP_KEY)) {
            Reply refused = anonymous.as(withKey(key)).post("/api/v1/credentials", Map.of("kind", "PLATFORM_ADMIN", "label", "me"), key());
            assertThat(refused.status()).as(key).isEqualTo(403);
            assertThat(refused.code()).as(key).isEqualTo("ROLE_NOT_PERMITTED");
        }
        assertThat(anonymous.get("/api/v1/credentials").status()).isEqualTo(401);
        Reply listed = admin.get("/api/v1/credentials?kind=TERMINAL");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().valueStream().map(node -> node.path("kind").asString())).isNotEmpty().containsOnly("TERMINAL");
    }

    @Test
    void aFreshInstallationStartsWithTheBootstrapAdministratorOnly() {
        ApiCaller first = anonymous.as(withKey(BOOTSTRAP_KEY));
        Reply issued = first.post("/api/v1/credentials", Map.of("kind", "PLATFORM_ADMIN", "label", "Ops team"), key());
        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().at("/credential/issuedBy").asString()).isEqualTo("first-admin");
        assertThat(first.get("/api/v1/credentials/first-admin").json().path("issuedBy").asString()).isEqualTo("bootstrap");
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerAndNoSecondKey() {
        String idempotencyKey = key();
        Map<String, Object> request = Map.of("kind", "TERMINAL", "label", "retried till", "terminalId", TestWorld.TERMINAL_A.toString());
        Reply first = admin.post("/api/v1/credentials", request, idempotencyKey);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();

        Reply retry = admin.post("/api/v1/credentials", request, idempotencyKey);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.json()).isEqualTo(first.json());
        String apiKey = retry.json().path("apiKey").asString();
        assertThat(apiKey).isEqualTo(first.json().path("apiKey").asString());
        assertThat(credentialsLabelled("retried till")).isEqualTo(1);
        assertThat(anonymous.as(withKey(apiKey)).post("/api/v1/searches", "{}").status()).as("the replayed key works").isEqualTo(200);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        String idempotencyKey = key();
        issue(Map.of("kind", "APPROVER", "label", "first use of a key"), idempotencyKey);
        expect(admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "second use of a key"), idempotencyKey),
                422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key");
        assertThat(credentialsLabelled("second use of a key")).isZero();
        // keys are per administrator: another one may happen to choose the same
        ApiCaller other = anonymous.as(withKey(BOOTSTRAP_KEY));
        assertThat(other.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "second use of a key"), idempotencyKey)
                .status()).isEqualTo(201);
    }

    @Test
    void issueAndRotationNeedAWellFormedKey() {
        expect(admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "no key")),
                400, "IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key");
        expect(admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "bad key"), "not a key"),
                400, "INVALID_IDEMPOTENCY_KEY", "Idempotency-Key");
        assertThat(credentialsLabelled("no key") + credentialsLabelled("bad key")).isZero();
        expect(admin.post("/api/v1/credentials/test-approver/rotation", null), 400, "IDEMPOTENCY_KEY_REQUIRED", "Idempotency-Key");
    }

    @Test
    void retriesRacingWithOneKeyIssueExactlyOneKey() throws Exception {
        String idempotencyKey = key();
        Map<String, Object> request = Map.of("kind", "MERCHANT", "label", "raced issue", "merchantId", TestWorld.MERCHANT_A.toString());
        int retries = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(retries);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            replies.add(threads.submit(() -> {
                go.await();
                return admin.post("/api/v1/credentials", request, idempotencyKey);
            }));
        }
        go.countDown();
        java.util.Set<String> handedOut = new java.util.HashSet<>();
        for (Future<Reply> future : replies) {
            Reply reply = future.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
            handedOut.add(reply.json().path("apiKey").asString());
        }
        threads.shutdown();
        assertThat(handedOut).hasSize(1);
        assertThat(credentialsLabelled("raced issue")).isEqualTo(1);
    }

    @Test
    void aRetriedRotationGetsTheSameNewSecretAndRotatesOnce() throws Exception {
        String first = issue(Map.of("kind", "APPROVER", "label", "rotated with retries"));
        String idempotencyKey = key();
        int retries = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(retries);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < retries; i++) {
            replies.add(threads.submit(() -> {
                go.await();
                return admin.post("/api/v1/credentials/" + idOf(first) + "/rotation", Map.of("overlapSeconds", 600), idempotencyKey);
            }));
        }
        go.countDown();
        java.util.Set<String> handedOut = new java.util.HashSet<>();
        for (Future<Reply> future : replies) {
            Reply reply = future.get(30, TimeUnit.SECONDS);
            assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
            handedOut.add(reply.json().path("apiKey").asString());
        }
        threads.shutdown();
        assertThat(handedOut).hasSize(1);
        String second = handedOut.iterator().next();
        // one rotation: the first secret still overlaps, which a second rotation would have ended
        assertThat(anonymous.as(withKey(first)).get("/api/v1/campaigns").status()).isEqualTo(200);
        assertThat(anonymous.as(withKey(second)).get("/api/v1/campaigns").status()).isEqualTo(200);
        expect(admin.post("/api/v1/credentials/" + idOf(first) + "/rotation", Map.of("overlapSeconds", 60), idempotencyKey),
                422, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key");
    }

    @Test
    void theKeptAnswerIsSealedAndForgottenAfterTheWindow() {
        String idempotencyKey = key();
        Reply issued = admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "sealed answer"), idempotencyKey);
        String apiKey = issued.json().path("apiKey").asString();
        List<String> row = jdbc.sql("select * from gateway_idempotency_record where scope = 'admin:test-admin' and idempotency_key = ?")
                .param(idempotencyKey)
                .query((rs, n) -> {
                    List<String> columns = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        columns.add(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(value));
                    }
                    return columns;
                }).single();
        assertThat(row).noneMatch(column -> column.contains(secretOf(apiKey)))
                .noneMatch(column -> column.contains(java.util.HexFormat.of().formatHex(secretOf(apiKey).getBytes(StandardCharsets.US_ASCII))))
                .noneMatch(column -> column.contains("apiKey"));

        // past the window the answer is neither replayed nor kept: the key is a new call
        jdbc.sql("update gateway_idempotency_record set created_at = now() - interval '25 hours' where idempotency_key = ?")
                .param(idempotencyKey).update();
        Reply later = admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "sealed answer"), idempotencyKey);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotency-Replayed")).isNull();
        assertThat(idOf(later.json().path("apiKey").asString())).isNotEqualTo(idOf(apiKey));
        jdbc.sql("update gateway_idempotency_record set created_at = now() - interval '25 hours' where idempotency_key = ?")
                .param(idempotencyKey).update();
        keyedCalls.forgetExpired();
        assertThat(jdbc.sql("select count(*) from gateway_idempotency_record where idempotency_key = ?").param(idempotencyKey)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aDecommissionedTerminalsKeyGetsNoNewSecret() {
        UUID till = UUID.randomUUID();
        jdbc.sql("insert into terminal (id, merchant_id, store_id, code) values (?, ?, ?, 'TO-RETIRE')")
                .params(till, TestWorld.MERCHANT_A, TestWorld.STORE_A).update();
        String apiKey = issue(Map.of("kind", "TERMINAL", "label", "retiring till", "terminalId", till.toString()));
        jdbc.sql("update terminal set status = 'DECOMMISSIONED' where id = ?").param(till).update();

        expect(admin.post("/api/v1/credentials/" + idOf(apiKey) + "/rotation", null, key()), 422, "TERMINAL_NOT_ACTIVE", null);
        byte[] hash = jdbc.sql("select secret_hash from api_credential where id = ?").param(idOf(apiKey)).query(byte[].class).single();
        assertThat(hash).as("nothing rotated").isEqualTo(SecretHash.of(secretOf(apiKey)).bytes());
    }

    private int credentialsLabelled(String label) {
        return jdbc.sql("select count(*) from api_credential where label = ?").param(label).query(Integer.class).single();
    }

    private String issue(Map<String, Object> request, String idempotencyKey) {
        Reply issued = admin.post("/api/v1/credentials", request, idempotencyKey);
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("apiKey").asString();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private String issue(Map<String, Object> request) {
        Reply issued = admin.post("/api/v1/credentials", request, key());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued.json().path("apiKey").asString();
    }

    private static void expect(Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().path("field").asString()).as(reply.toString()).isEqualTo(field);
        }
    }

    private static String idOf(String apiKey) {
        return apiKey.substring(0, apiKey.indexOf('.'));
    }

    private static String secretOf(String apiKey) {
        return apiKey.substring(apiKey.indexOf('.') + 1);
    }
}
