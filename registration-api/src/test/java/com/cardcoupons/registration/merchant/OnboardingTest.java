package com.cardcoupons.registration.merchant;

import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.platform.identity.Role;
import com.cardcoupons.registration.RegistrationApiTest;
import com.cardcoupons.registration.TermsJson;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiCaller.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** An operator onboards a merchant, its stores and terminals over HTTP; the merchant reads its own; all audited. */
class OnboardingTest extends RegistrationApiTest {

    ApiCaller operator;

    @BeforeEach
    void anOperator() {
        operator = anonymous().as(signedAs(new CallerIdentity("ops:yuki", Role.PLATFORM_ADMIN, null, null, null, null)));
    }

    @Test
    void anOperatorOnboardsAMerchantWithAStoreAndATerminalAndTheMerchantReadsItsOwn() {
        Reply created = operator.post("/api/v1/merchants", Map.of("name", "  Fuji Books "), key());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        UUID fuji = UUID.fromString(created.json().path("id").asString());
        assertThat(created.header("Location")).isEqualTo("/api/v1/merchants/" + fuji);
        assertThat(created.json().path("name").asString()).isEqualTo("Fuji Books");
        assertThat(created.json().path("status").asString()).isEqualTo("ACTIVE");

        Reply store = operator.post("/api/v1/merchants/" + fuji + "/stores", newStore("GINZA"), key());
        assertThat(store.status()).as(store.toString()).isEqualTo(201);
        UUID ginza = UUID.fromString(store.json().path("id").asString());
        assertThat(store.json().path("address").path("country").asString()).isEqualTo("JP");
        assertThat(store.json().path("address").path("line2").isMissingNode() || store.json().path("address").path("line2").isNull()).isTrue();
        assertThat(store.json().path("timeZone").asString()).isEqualTo("Asia/Tokyo");

        Reply terminal = operator.post("/api/v1/merchants/" + fuji + "/terminals", Map.of("storeId", ginza, "code", "TILL-1"), key());
        assertThat(terminal.status()).as(terminal.toString()).isEqualTo(201);
        UUID till = UUID.fromString(terminal.json().path("id").asString());
        assertThat(terminal.json().path("status").asString()).isEqualTo("ACTIVE");
        assertThat(count("select count(*) from terminal where id = ? and merchant_id = ? and store_id = ? and status = 'ACTIVE'",
                till, fuji, ginza)).isEqualTo(1);

        ApiCaller fujiBackOffice = anonymous().as(signedAs(CallerIdentity.merchant("fuji:aki", fuji)));
        assertThat(fujiBackOffice.get("/api/v1/merchants/" + fuji).json().path("name").asString()).isEqualTo("Fuji Books");
        assertThat(ids(fujiBackOffice.get("/api/v1/merchants").json().path("merchants"))).containsExactly(fuji);
        assertThat(ids(fujiBackOffice.get("/api/v1/merchants/" + fuji + "/stores").json().path("stores"))).containsExactly(ginza);
        assertThat(ids(fujiBackOffice.get("/api/v1/merchants/" + fuji + "/terminals").json().path("terminals"))).containsExactly(till);
        assertThat(fujiBackOffice.get("/api/v1/merchants/" + fuji + "/terminals/" + till).json().path("code").asString())
                .isEqualTo("TILL-1");
        assertThat(ids(operator.get("/api/v1/merchants/" + fuji + "/terminals?status=ACTIVE&storeId=" + ginza).json()
                .path("terminals"))).containsExactly(till);
        assertThat(ids(operator.get("/api/v1/merchants/" + fuji + "/terminals?status=DECOMMISSIONED").json().path("terminals"))).isEmpty();
        assertThat(operator.get("/api/v1/merchants/" + fuji + "/terminals?status=BROKEN").status()).isEqualTo(400);

        for (String path : List.of("/api/v1/merchants/" + fuji, "/api/v1/merchants/" + fuji + "/stores",
                "/api/v1/merchants/" + fuji + "/stores/" + ginza, "/api/v1/merchants/" + fuji + "/terminals",
                "/api/v1/merchants/" + fuji + "/audit")) {
            Reply other = sakura.get(path);
            assertThat(other.status()).as(path).isEqualTo(403);
            assertThat(other.code()).isEqualTo("OTHER_MERCHANT");
        }
        assertThat(ids(operator.get("/api/v1/merchants?size=100").json().path("merchants"))).contains(fuji, SAKURA_MART, HARBOR_CAFE);

        JsonNode audit = fujiBackOffice.get("/api/v1/merchants/" + fuji + "/audit").json().path("entries");
        assertThat(StreamSupport.stream(audit.spliterator(), false).map(entry -> entry.path("subject").asString() + " "
                + entry.path("action").asString())).containsExactly("TERMINAL CREATED", "STORE CREATED", "MERCHANT CREATED");
        assertThat(audit.get(2).path("actor").asString()).isEqualTo("ops:yuki");
        assertThat(audit.get(2).path("role").asString()).isEqualTo("PLATFORM_ADMIN");
        assertThat(audit.get(2).path("changes").path("name").asString()).isEqualTo("Fuji Books");
        assertThat(audit.get(1).path("changes").path("address").path("city").asString()).isEqualTo("Chuo-ku");
        assertThat(audit.get(0).path("subjectId").asString()).isEqualTo(till.toString());
    }

    @Test
    void onlyOperatorsChangeMerchantsStoresAndTerminals() {
        long merchants = count("select count(*) from merchant");
        long entries = count("select count(*) from onboarding_audit");
        for (ApiCaller notAnOperator : List.of(sakura, alice, app)) {
            Reply merchant = notAnOperator.post("/api/v1/merchants", Map.of("name", "Sneaky"), key());
            assertThat(merchant.status()).isEqualTo(403);
            assertThat(merchant.code()).isEqualTo("ROLE_NOT_PERMITTED");
            Reply store = notAnOperator.post("/api/v1/merchants/" + SAKURA_MART + "/stores", newStore("SNEAKY"), key());
            assertThat(store.code()).isEqualTo("ROLE_NOT_PERMITTED");
            Reply terminal = notAnOperator.post("/api/v1/merchants/" + SAKURA_MART + "/terminals",
                    Map.of("storeId", SAKURA_SHIBUYA, "code", "SNEAKY"), key());
            assertThat(terminal.code()).isEqualTo("ROLE_NOT_PERMITTED");
        }
        assertThat(alice.get("/api/v1/merchants/" + SAKURA_MART).code()).isEqualTo("ROLE_NOT_PERMITTED");
        assertThat(count("select count(*) from merchant")).isEqualTo(merchants);
        assertThat(count("select count(*) from onboarding_audit")).isEqualTo(entries);
    }

    @Test
    void badInputIsNamedByItsFieldAndNothingIsWritten() {
        long merchants = count("select count(*) from merchant");
        long stores = count("select count(*) from store");
        long terminals = count("select count(*) from terminal");
        long entries = count("select count(*) from onboarding_audit");
        String storesPath = "/api/v1/merchants/" + SAKURA_MART + "/stores";
        assertProblem(operator.post("/api/v1/merchants", Map.of("name", " "), key()), 400, "FIELD_REQUIRED", "name");
        assertProblem(operator.post("/api/v1/merchants", Map.of("name", "x".repeat(201)), key()), 400, "TOO_LONG", "name");
        assertProblem(operator.post(storesPath, without(newStore("A1"), "address"), key()), 400, "FIELD_REQUIRED", "address");
        assertProblem(operator.post(storesPath, with(newStore("A1"), "timeZone", "GMT+9"), key()), 400, "UNKNOWN_TIME_ZONE", "timeZone");
        assertProblem(operator.post(storesPath, with(newStore("A1"), "mcc", "54111"), key()), 400, "INVALID_MCC", "mcc");
        assertProblem(operator.post(storesPath, with(newStore("no spaces"), "code", "no spaces"), key()), 400, "INVALID_CODE", "code");
        Map<String, Object> nowhere = new LinkedHashMap<>(address());
        nowhere.put("country", "XX");
        assertProblem(operator.post(storesPath, with(newStore("A1"), "address", nowhere), key()), 400, "UNKNOWN_COUNTRY", "address.country");
        Map<String, Object> noCity = new LinkedHashMap<>(address());
        noCity.remove("city");
        assertProblem(operator.post(storesPath, with(newStore("A1"), "address", noCity), key()), 400, "FIELD_REQUIRED", "address.city");
        assertProblem(operator.post("/api/v1/merchants/" + UUID.randomUUID() + "/stores", newStore("A1"), key()),
                404, "MERCHANT_NOT_FOUND", null);
        assertProblem(operator.post(storesPath, newStore("SHIBUYA"), key()), 409, "STORE_CODE_TAKEN", "code");

        String terminalsPath = "/api/v1/merchants/" + SAKURA_MART + "/terminals";
        assertProblem(operator.post(terminalsPath, Map.of("code", "T1"), key()), 400, "FIELD_REQUIRED", "storeId");
        assertProblem(operator.post(terminalsPath, Map.of("storeId", HARBOR_YOKOHAMA, "code", "T1"), key()), 422, "UNKNOWN_STORE", "storeId");
        assertProblem(operator.post(terminalsPath, Map.of("storeId", SAKURA_SHIBUYA, "code", "T 1"), key()), 400, "INVALID_CODE", "code");

        Reply noKey = operator.post("/api/v1/merchants", Map.of("name", "Keyless"));
        assertThat(noKey.status()).as(noKey.toString()).isEqualTo(400);

        assertThat(count("select count(*) from merchant")).isEqualTo(merchants);
        assertThat(count("select count(*) from store")).isEqualTo(stores);
        assertThat(count("select count(*) from terminal")).isEqualTo(terminals);
        assertThat(count("select count(*) from onboarding_audit")).isEqualTo(entries);
    }

    @Test
    void aRetryWithTheSameKeyIsAnsweredTheFirstAnswerAndWritesNothingMore() {
        String key = key();
        Reply first = operator.post("/api/v1/merchants", Map.of("name", "Retry Ramen"), key);
        Reply retry = operator.post("/api/v1/merchants", Map.of("name", "Retry Ramen"), key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(operator.post("/api/v1/merchants", Map.of("name", "Other Ramen"), key).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(count("select count(*) from merchant where name = 'Retry Ramen'")).isEqualTo(1);
        assertThat(count("select count(*) from onboarding_audit where subject_id = ?",
                UUID.fromString(first.json().path("id").asString()))).isEqualTo(1);
    }

    @Test
    void aMerchantCanBeOnboardedUnderAnIdOfItsOwnOnlyOnce() {
        UUID id = UUID.randomUUID();
        assertThat(operator.post("/api/v1/merchants", Map.of("id", id, "name", "Carried Over"), key()).status()).isEqualTo(201);
        assertProblem(operator.post("/api/v1/merchants", Map.of("id", id, "name", "Carried Twice"), key()), 409, "MERCHANT_EXISTS", null);
        assertProblem(operator.post("/api/v1/merchants/" + SAKURA_MART + "/stores", with(newStore("NEW"), "id", SAKURA_SHIBUYA), key()),
                409, "STORE_EXISTS", "id");
    }

    @Test
    void changesAreAuditedFieldByField() {
        UUID merchant = onboarded("Kobe Bakery");
        UUID storeId = store(merchant, "SANNOMIYA");
        String store = "/api/v1/merchants/" + merchant + "/stores/" + storeId;
        Map<String, Object> address = new LinkedHashMap<>(address());
        address.put("line2", "2F");
        Map<String, Object> update = with(without(with(newStore("SANNOMIYA"), "mcc", "5462"), "code"), "address", address);
        clock.advance(Duration.ofMinutes(5));
        Reply updated = operator.send("PUT", store, update, Map.of("Idempotency-Key", key()));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("mcc").asString()).isEqualTo("5462");
        assertThat(updated.json().path("code").asString()).isEqualTo("SANNOMIYA");
        Reply unchanged = operator.send("PUT", store, update, Map.of("Idempotency-Key", key()));
        assertThat(unchanged.status()).isEqualTo(200);
        Reply renamed = operator.send("PUT", "/api/v1/merchants/" + merchant, Map.of("name", "Kobe Bakery & Cafe"),
                Map.of("Idempotency-Key", key()));
        assertThat(renamed.json().path("name").asString()).isEqualTo("Kobe Bakery & Cafe");

        JsonNode entries = operator.get("/api/v1/merchants/" + merchant + "/audit").json().path("entries");
        assertThat(entries.size()).isEqualTo(4);
        assertThat(entries.get(0).path("action").asString()).isEqualTo("UPDATED");
        assertThat(entries.get(0).path("changes").path("name").path("from").asString()).isEqualTo("Kobe Bakery");
        assertThat(entries.get(0).path("changes").path("name").path("to").asString()).isEqualTo("Kobe Bakery & Cafe");
        JsonNode storeChange = entries.get(1).path("changes");
        assertThat(storeChange.path("mcc").path("from").asString()).isEqualTo("5942");
        assertThat(storeChange.path("mcc").path("to").asString()).isEqualTo("5462");
        JsonNode formerLine2 = storeChange.path("address").path("from").path("line2");
        assertThat(formerLine2.isMissingNode() || formerLine2.isNull()).as("no second line before").isTrue();
        assertThat(storeChange.path("address").path("to").path("line2").asString()).isEqualTo("2F");
        assertThat(storeChange.path("name").isMissingNode()).isTrue();
        assertThat(storeChange.path("timeZone").isMissingNode()).isTrue();
        assertThat(Instant.parse(entries.get(1).path("at").asString()))
                .isBetween(clock.instant().minusSeconds(60), clock.instant());

        Reply page = operator.get("/api/v1/merchants/" + merchant + "/audit?limit=1");
        assertThat(page.json().path("hasMore").asBoolean()).isTrue();
        long newest = page.json().path("entries").get(0).path("id").asLong();
        Reply next = operator.get("/api/v1/merchants/" + merchant + "/audit?limit=3&before=" + newest);
        assertThat(next.json().path("entries").get(2).path("action").asString()).isEqualTo("CREATED");
        assertThat(next.json().path("entries").get(2).path("subject").asString()).isEqualTo("MERCHANT");
        assertThat(next.json().path("hasMore").asBoolean()).isFalse();
    }

    @Test
    void aDecommissionedTerminalStaysDecommissioned() {
        UUID till = terminal(SAKURA_MART, SAKURA_SHIBUYA, "TILL-9");
        String path = "/api/v1/merchants/" + SAKURA_MART + "/terminals/" + till + "/decommissioning";
        Reply decommissioned = operator.post(path, null, key());
        assertThat(decommissioned.status()).as(decommissioned.toString()).isEqualTo(200);
        assertThat(decommissioned.json().path("status").asString()).isEqualTo("DECOMMISSIONED");
        assertThat(Instant.parse(decommissioned.json().path("decommissionedAt").asString()))
                .isBetween(clock.instant().minusSeconds(60), clock.instant());
        assertThat(count("select count(*) from terminal where id = ? and status = 'DECOMMISSIONED'", till)).isEqualTo(1);
        assertProblem(operator.post(path, null, key()), 422, "TERMINAL_DECOMMISSIONED", null);
        assertProblem(operator.post("/api/v1/merchants/" + HARBOR_CAFE + "/terminals/" + till + "/decommissioning", null, key()),
                404, "TERMINAL_NOT_FOUND", null);
        assertThat(count("select count(*) from onboarding_audit where subject_id = ? and action = 'DECOMMISSIONED'", till)).isEqualTo(1);
    }

    @Test
    void aMerchantIsClosedOnlyWithoutOpenCampaignsAndThenTakesNothingNew() {
        UUID merchant = onboarded("Nara Deer Crackers");
        UUID storeId = store(merchant, "TODAIJI");
        UUID till = terminal(merchant, storeId, "TILL-1");
        ApiCaller backOffice = anonymous().as(signedAs(CallerIdentity.merchant("nara:mika", merchant)));
        Reply submitted = backOffice.post("/api/v1/campaigns", TermsJson.discount().submission("CLOSEME"), key());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
        String campaign = submitted.json().path("id").asString();
        assertThat(alice.post("/api/v1/campaigns/" + campaign + "/approve", Map.of("version", 1), key()).status()).isEqualTo(200);

        String closure = "/api/v1/merchants/" + merchant + "/closure";
        assertProblem(operator.post(closure, Map.of(), key()), 400, "FIELD_REQUIRED", "reason");
        assertProblem(operator.post(closure, Map.of("reason", "contract ended"), key()), 409, "MERCHANT_HAS_OPEN_CAMPAIGNS", null);
        assertThat(count("select count(*) from terminal where id = ? and status = 'ACTIVE'", till)).isEqualTo(1);
        assertThat(alice.post("/api/v1/campaigns/" + campaign + "/end", Map.of("reason", "merchant leaves"), key()).status()).isEqualTo(200);

        Reply closed = operator.post(closure, Map.of("reason", "contract ended"), key());
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().path("closeReason").asString()).isEqualTo("contract ended");
        assertThat(count("select count(*) from terminal where id = ? and status = 'DECOMMISSIONED'", till)).isEqualTo(1);

        assertProblem(operator.post(closure, Map.of("reason", "again"), key()), 422, "MERCHANT_CLOSED", null);
        assertProblem(operator.post("/api/v1/merchants/" + merchant + "/stores", newStore("LATE"), key()), 422, "MERCHANT_CLOSED", null);
        assertProblem(operator.post("/api/v1/merchants/" + merchant + "/terminals",
                Map.of("storeId", storeId, "code", "LATE"), key()), 422, "MERCHANT_CLOSED", null);
        assertProblem(operator.send("PUT", "/api/v1/merchants/" + merchant, Map.of("name", "Renamed"),
                Map.of("Idempotency-Key", key())), 422, "MERCHANT_CLOSED", null);
        assertProblem(backOffice.post("/api/v1/campaigns", TermsJson.discount().submission("LATECOMER"), key()),
                422, "MERCHANT_CLOSED", "merchantId");
        assertThat(backOffice.get("/api/v1/merchants/" + merchant).json().path("status").asString()).isEqualTo("CLOSED");
        assertThat(operator.get("/api/v1/merchants?status=CLOSED").json().path("merchants").get(0).path("id").asString())
                .isEqualTo(merchant.toString());
        assertThat(count("select count(*) from onboarding_audit where merchant_id = ? and action in ('CLOSED', 'DECOMMISSIONED')",
                merchant)).isEqualTo(2);
    }

    @Test
    void racingOperatorsOpenOneStorePerCode() throws Exception {
        int racers = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return operator.post("/api/v1/merchants/" + HARBOR_CAFE + "/stores", newStore("KAMAKURA"), key());
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(status -> status == 201)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("select count(*) from store where merchant_id = ? and code = 'KAMAKURA'", HARBOR_CAFE)).isEqualTo(1);
        assertThat(count("""
                select count(*) from onboarding_audit a join store s on s.id = a.subject_id
                 where s.code = 'KAMAKURA' and a.action = 'CREATED'""")).isEqualTo(1);
    }

    private UUID onboarded(String name) {
        Reply reply = operator.post("/api/v1/merchants", Map.of("name", name), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }

    private UUID store(UUID merchant, String code) {
        Reply reply = operator.post("/api/v1/merchants/" + merchant + "/stores", newStore(code), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }

    private UUID terminal(UUID merchant, UUID store, String code) {
        Reply reply = operator.post("/api/v1/merchants/" + merchant + "/terminals", Map.of("storeId", store, "code", code), key());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return UUID.fromString(reply.json().path("id").asString());
    }

    private static Map<String, Object> newStore(String code) {
        Map<String, Object> store = new LinkedHashMap<>();
        store.put("code", code);
        store.put("name", "Fuji Ginza");
        store.put("address", address());
        store.put("timeZone", "Asia/Tokyo");
        store.put("mcc", "5942");
        return store;
    }

    private static Map<String, Object> address() {
        return TermsJson.map("line1", "4-6-16 Ginza", "city", "Chuo-ku", "region", "Tokyo", "postalCode", "104-0061", "country", "JP");
    }

    private static Map<String, Object> with(Map<String, Object> json, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.put(field, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> json, String field) {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.remove(field);
        return copy;
    }

    private static void assertProblem(Reply reply, int status, String code, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.code()).as(reply.toString()).isEqualTo(code);
        if (field != null) {
            assertThat(reply.json().path("field").asString()).as(reply.toString()).isEqualTo(field);
        }
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
    }

    private static List<UUID> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(node -> UUID.fromString(node.path("id").asString())).toList();
    }
}
