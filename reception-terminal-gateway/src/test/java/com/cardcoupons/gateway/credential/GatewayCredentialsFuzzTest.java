package com.cardcoupons.gateway.credential;

import com.cardcoupons.gateway.GatewayApplication;
import com.cardcoupons.testsupport.ApiCaller;
import com.cardcoupons.testsupport.ApiFuzz;
import com.cardcoupons.testsupport.FuzzedService;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's own credentials API answers every malformed or boundary request with a 4xx Problem Details answer of
 * a documented code, and writes nothing: the requests are built from the gateway's API document by the services' fuzz
 * harness ({@link ApiFuzz}), sent over real HTTP with a real administrator's API key, with the paths naming existing
 * credentials as well as unknown ones, odd headers added, and some broken where only the gateway can break them: a
 * path that is not canonical, an API key that is not valid.
 */
class GatewayCredentialsFuzzTest {

    private static final String ADMIN_KEY = "fuzz-admin.the-secret-of-the-fuzzing-administrator-00";
    private static final Pattern UNKNOWN_ID = Pattern.compile("FUZZ\\d+");
    /** Headers added to a request that is refused anyway: none of them may make it succeed, fail or answer otherwise. */
    private static final List<Map.Entry<String, String>> ODD_HEADERS = List.of(
            Map.entry("X-Correlation-Id", "not a correlation id"),
            Map.entry("X-Correlation-Id", "c".repeat(300)),
            Map.entry("X-Coupons-Role", "PLATFORM_ADMIN"),
            Map.entry("X-Coupons-Principal", "someone-else"),
            Map.entry("X-Forwarded-For", "203.0.113.7, junk, ::1"),
            Map.entry("Accept", "text/html"),
            Map.entry("Accept", "application/json, */*;q=0.1"),
            Map.entry("Accept-Charset", "utf-7"),
            Map.entry("If-None-Match", "*"),
            Map.entry("X-HTTP-Method-Override", "DELETE"),
            Map.entry("Idempotency-Key", "has space"),
            Map.entry("X-Fuzz", "x".repeat(4000)));
    /** Paths a servlet container would normalise: the gateway refuses them before anything else. */
    private static final List<String> NON_CANONICAL = List.of("/./credentials", "//credentials", "/%2e/credentials",
            "/credentials;jsessionid=1", "/x/../credentials", "/credentials/.", "/%2Fcredentials");
    /** API keys that prove nothing: missing, malformed, unknown, or the administrator's id with a wrong secret. */
    private static final List<String> INVALID_KEYS = List.of(" ", "fuzz-admin", "fuzz-admin.", ".secret",
            "FUZZ-ADMIN.the-secret-of-the-fuzzing-administrator-00", "fuzz-admin.the-secret-of-the-fuzzing-administrator-01",
            "nobody-at-all.the-secret-of-the-fuzzing-administrator-00", ADMIN_KEY + " trailing", "fuzz-admin.%00");

    private static FuzzedService gateway;
    private static List<String> knownIds;
    private static Set<String> documentedCodes;

    @BeforeContainer
    static void start() {
        // the gateway's API names no role (its access policy admits administrators only): every request is the admin's
        gateway = FuzzedService.start(GatewayApplication.class, (context, role) -> (method, path) -> Map.of("X-Api-Key", ADMIN_KEY),
                "coupons.gateway.credentials.bootstrap-admin-key=" + ADMIN_KEY,
                // nothing is forwarded, so no service needs to answer: the API document is the gateway's own
                "coupons.gateway.routing.services.registration-api=http://localhost:9",
                "coupons.gateway.routing.services.coupon-server=http://localhost:9",
                "coupons.gateway.routing.services.settlement-relay=http://localhost:9",
                "coupons.gateway.routing.services.web-console=http://localhost:9",
                // hundreds of calls in seconds: a rate limit would refuse them before the credentials API sees them
                "coupons.gateway.rate-limit.roles.PLATFORM_ADMIN.capacity=1000000",
                "coupons.gateway.rate-limit.roles.PLATFORM_ADMIN.period=1s");
        ApiCaller admin = new ApiCaller(gateway.baseUrl(), (method, path) -> Map.of("X-Api-Key", ADMIN_KEY));
        String approver = issued(admin.post("/api/v1/credentials", Map.of("kind", "APPROVER", "label", "Fuzzed approver"), key()));
        String revoked = issued(admin.post("/api/v1/credentials", Map.of("kind", "CONSUMER_CHANNEL", "label", "Old shop", "channel", "WEB"), key()));
        assertThat(admin.post("/api/v1/credentials/" + revoked + "/revocation", null).status()).isEqualTo(200);
        knownIds = List.of("fuzz-admin", approver, revoked);
        documentedCodes = documentedCodes(admin.get("/v3/api-docs").json());
    }

    @AfterContainer
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Property(tries = 300)
    void malformedRequestsAreRefusedWithADocumentedProblemAndWriteNothing(@ForAll("requests") ApiFuzz.Request request) {
        ApiCaller.Reply refusal = gateway.assertRefusedWithoutWrites(request);
        assertThat(documentedCodes).as("a code the API document declares: %s -> %s", request, refusal).contains(refusal.code());
    }

    @Provide
    Arbitrary<ApiFuzz.Request> requests() {
        Arbitrary<ApiFuzz.Request> harness = gateway.requests(path -> path.startsWith("/api/v1/credentials"));
        Arbitrary<ApiFuzz.Request> named = Combinators.combine(harness, Arbitraries.of(knownIds), Arbitraries.integers().between(0, 2))
                .as((request, id, pick) -> pick == 0 ? request : withTarget(request, UNKNOWN_ID.matcher(request.target()).replaceFirst(id),
                        request.defect()));
        Arbitrary<ApiFuzz.Request> noisy = Combinators.combine(named, Arbitraries.of(ODD_HEADERS).list().ofMaxSize(3))
                .as(GatewayCredentialsFuzzTest::withHeaders);
        Arbitrary<ApiFuzz.Request> nonCanonical = Combinators.combine(named, Arbitraries.of(NON_CANONICAL))
                .as((request, path) -> withTarget(request, request.target().replaceFirst("/credentials", path),
                        request.defect() + ", non-canonical path"));
        Arbitrary<ApiFuzz.Request> badKey = Combinators.combine(named, Arbitraries.of(INVALID_KEYS))
                .as((request, key) -> withHeaders(withTarget(request, request.target(), request.defect() + ", invalid API key"),
                        List.of(Map.entry("X-Api-Key", key))));
        return Arbitraries.frequencyOf(
                Tuple.of(6, noisy),
                Tuple.of(2, nonCanonical),
                Tuple.of(2, badKey));
    }

    private static ApiFuzz.Request withTarget(ApiFuzz.Request request, String target, String defect) {
        return new ApiFuzz.Request(request.role(), request.method(), target, request.body(), request.headers(), defect);
    }

    private static ApiFuzz.Request withHeaders(ApiFuzz.Request request, List<Map.Entry<String, String>> added) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        added.forEach(header -> headers.put(header.getKey(), header.getValue()));
        return new ApiFuzz.Request(request.role(), request.method(), request.target(), request.body(), headers, request.defect());
    }

    private static String issued(ApiCaller.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().at("/credential/id").asString();
    }

    /** Every code any operation of the document declares among its refusals. */
    private static Set<String> documentedCodes(JsonNode document) {
        Set<String> codes = new TreeSet<>();
        document.path("paths").forEach(path -> path.forEach(operation -> operation.path("responses").forEach(response ->
                response.path("x-problem-codes").forEach(code -> codes.add(code.asString())))));
        assertThat(codes).as("the document declares refusal codes").contains("CREDENTIAL_NOT_FOUND", "NON_CANONICAL_PATH");
        return codes;
    }

    /** A fresh Idempotency-Key, as a client draws one for each call it may retry. */
    private static String key() {
        return UUID.randomUUID().toString();
    }
}
