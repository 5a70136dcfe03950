package com.cardcoupons.console.merchant;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The onboarding pages over real HTTP, against a stand-in gateway that records what the console sends: every change
 * carries the {@code Idempotency-Key} its form was drawn with (so a form posted twice sends the same key), a
 * refusal's message lands under the input its field names, and a merchant's key gets its own merchant read-only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OnboardingPagesTest {

    private static final String ADMIN_KEY = "test-admin.secret-of-the-admin";
    private static final String MERCHANT_KEY = "test-merchant.secret-of-the-merchant";
    private static final String MERCHANT = "a0000000-0000-4000-8000-000000000001";
    private static final String STORE = "a0000000-0000-4000-8000-000000000011";
    private static final String TERMINAL = "a0000000-0000-4000-8000-000000000111";
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    /** The Idempotency-Keys of changes the stand-in has made: a second call with one is answered as a replay. */
    private static final Set<String> KEYS_DONE = ConcurrentHashMap.newKeySet();
    private static final HttpServer GATEWAY = gateway();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void gatewayUrl(DynamicPropertyRegistry registry) {
        registry.add("coupons.console.gateway-url", () -> "http://localhost:" + GATEWAY.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop(0);
    }

    @BeforeEach
    void forget() {
        CALLS.clear();
    }

    @Test
    void aFormPostedTwiceSendsItsOneIdempotencyKeyBothTimes() throws Exception {
        HttpClient browser = signedIn("test-admin", "secret-of-the-admin");
        String page = get(browser, "/console/merchants").body();
        String formKey = hidden(page, "idempotencyKey");
        String body = "name=Kyoto+Tea+House&idempotencyKey=" + formKey + "&_csrf=" + hidden(page, "_csrf");

        assertThat(post(browser, "/console/merchants", body).headers().firstValue("Location")).hasValue("/console/merchants/" + MERCHANT);
        post(browser, "/console/merchants", body);
        List<Call> onboardings = calls("POST /api/v1/merchants");
        assertThat(onboardings).hasSize(2).allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(formKey));
        assertThat(onboardings.get(0).body()).isEqualTo("{\"name\":\"Kyoto Tea House\"}");
    }

    @Test
    void aTerminalFormPostedAgainIsAReplayAndIssuesNoSecondKey() throws Exception {
        HttpClient browser = signedIn("test-admin", "secret-of-the-admin");
        String page = get(browser, "/console/merchants/" + MERCHANT).body();
        String form = "storeId=" + STORE + "&code=TILL-9&label=Till+9&idempotencyKey=" + UUID.randomUUID() + "&_csrf=" + hidden(page, "_csrf");

        assertThat(post(browser, "/console/merchants/" + MERCHANT + "/terminals", form).body()).contains("trm_new.the-secret-shown-once");
        String again = post(browser, "/console/merchants/" + MERCHANT + "/terminals", form).body();
        assertThat(again).contains("was installed when this form was first sent").doesNotContain("the-secret-shown-once");
        assertThat(calls("POST /api/v1/merchants/" + MERCHANT + "/terminals")).hasSize(2);
        assertThat(calls("POST /api/v1/credentials")).as("one key for one terminal").hasSize(1);
    }

    @Test
    void anotherKeyForATerminalIsOneKeyPerForm() throws Exception {
        HttpClient browser = signedIn("test-admin", "secret-of-the-admin");
        String page = get(browser, "/console/merchants/" + MERCHANT).body();
        Matcher keyForm = Pattern.compile("terminals/" + TERMINAL + "/keys\"[^>]*>(?:\\s*<input [^>]*>)*?"
                + "\\s*<input type=\"hidden\" name=\"idempotencyKey\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(keyForm.find()).as("the Issue a key form carries a key drawn with it: " + page).isTrue();
        String form = "code=TILL-1&idempotencyKey=" + keyForm.group(1) + "&_csrf=" + hidden(page, "_csrf");

        assertThat(post(browser, "/console/merchants/" + MERCHANT + "/terminals/" + TERMINAL + "/keys", form).body())
                .contains("trm_new.the-secret-shown-once");
        post(browser, "/console/merchants/" + MERCHANT + "/terminals/" + TERMINAL + "/keys", form);
        assertThat(calls("POST /api/v1/credentials")).as("sent twice, with the form's one key: the gateway issues once")
                .hasSize(2).allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(keyForm.group(1)));
    }

    @Test
    void theIssueAKeyFormIsIssuedOnceAndSaysSoWhenSentAgain() throws Exception {
        HttpClient browser = signedIn("test-admin", "secret-of-the-admin");
        String page = get(browser, "/console/credentials").body();
        String formKey = hidden(page, "idempotencyKey");
        String form = "kind=APPROVER&label=Aiko&idempotencyKey=" + formKey + "&_csrf=" + hidden(page, "_csrf");

        String first = post(browser, "/console/credentials", form).body();
        assertThat(first).contains("trm_new.the-secret-shown-once").doesNotContain("This form was sent before");
        assertThat(hidden(first, "idempotencyKey")).as("the next form has a key of its own").isNotEqualTo(formKey);
        String again = post(browser, "/console/credentials", form).body();
        assertThat(again).contains("This form was sent before").contains("trm_new.the-secret-shown-once");
        assertThat(calls("POST /api/v1/credentials")).hasSize(2)
                .allSatisfy(call -> assertThat(call.idempotencyKey()).isEqualTo(formKey));
        assertThat(calls("POST /api/v1/credentials").get(0).body()).isEqualTo("{\"kind\":\"APPROVER\",\"label\":\"Aiko\"}");
    }

    @Test
    void everyChangeOfTheOperatorCarriesAnIdempotencyKey() throws Exception {
        HttpClient browser = signedIn("test-admin", "secret-of-the-admin");
        String merchantPage = get(browser, "/console/merchants/" + MERCHANT).body();
        String csrf = hidden(merchantPage, "_csrf");
        post(browser, "/console/merchants/" + MERCHANT, "name=Sakura+Mart+Group&_csrf=" + csrf);
        post(browser, "/console/merchants/" + MERCHANT + "/closure", "reason=contract+ended&_csrf=" + csrf);
        post(browser, "/console/merchants/" + MERCHANT + "/stores/" + STORE, "code=SHIBUYA&name=Shibuya&line1=1-1&city=Tokyo"
                + "&country=jp&timeZone=Asia%2FTokyo&mcc=5411&_csrf=" + csrf);
        post(browser, "/console/merchants/" + MERCHANT + "/terminals/" + TERMINAL + "/decommissioning", "code=TILL-1&_csrf=" + csrf);
        HttpResponse<String> installed = post(browser, "/console/merchants/" + MERCHANT + "/terminals",
                "storeId=" + STORE + "&code=TILL-9&label=&_csrf=" + csrf);

        List<Call> changes = CALLS.stream().filter(call -> !call.method().equals("GET")).toList();
        assertThat(changes).extracting(Call::line).containsExactly(
                "PUT /api/v1/merchants/" + MERCHANT,
                "POST /api/v1/merchants/" + MERCHANT + "/closure",
                "PUT /api/v1/merchants/" + MERCHANT + "/stores/" + STORE,
                "POST /api/v1/merchants/" + MERCHANT + "/terminals/" + TERMINAL + "/decommissioning",
                "POST /api/v1/merchants/" + MERCHANT + "/terminals",
                "POST /api/v1/credentials");
        assertThat(changes).allSatisfy(call -> assertThat(UUID.fromString(call.idempotencyKey())).isNotNull());
        assertThat(calls("PUT /api/v1/merchants/" + MERCHANT + "/stores/" + STORE).get(0).body())
                .as("the address nested, the country upper-cased, the code not sent: it is fixed")
                .isEqualTo("{\"name\":\"Shibuya\",\"address\":{\"line1\":\"1-1\",\"city\":\"Tokyo\",\"country\":\"JP\"},"
                        + "\"timeZone\":\"Asia/Tokyo\",\"mcc\":\"5411\"}");
        assertThat(calls("POST /api/v1/credentials").get(0).body())
                .isEqualTo("{\"kind\":\"TERMINAL\",\"label\":\"terminal TILL-9\",\"terminalId\":\"" + TERMINAL + "\"}");
        assertThat(installed.body()).contains("trm_new.the-secret-shown-once").contains("only time the key is shown");
    }

    @Test
    void aRefusalIsShownUnderTheInputItsFieldNames() throws Exception {
        HttpClient browser = signedIn("test-admin", "secret-of-the-admin");
        String csrf = hidden(get(browser, "/console/merchants/" + MERCHANT + "/stores/new").body(), "_csrf");
        String page = post(browser, "/console/merchants/" + MERCHANT + "/stores", "code=GION&name=Gion&line1=570-8&city=Kyoto"
                + "&country=ZZ&timeZone=GMT%2B9&mcc=5814&_csrf=" + csrf).body();

        assertThat(page).containsPattern("id=\"country\"[^>]*aria-describedby=\"country-error\"")
                .contains("<p class=\"field-error\" id=\"country-error\">country must be an ISO 3166-1 alpha-2 code such as JP</p>")
                .as("what was typed is kept").contains("value=\"GMT+9\"");
    }

    @Test
    void aMerchantSeesItsOwnStoresAndTerminalsWithoutAnyForm() throws Exception {
        HttpClient browser = signedIn("test-merchant", "secret-of-the-merchant");
        String page = get(browser, "/console/my-merchant").body();
        assertThat(page).contains("Sakura Mart").contains("SHIBUYA").contains("TILL-1").contains("2-1 Dogenzaka")
                .doesNotContain("method=\"post\" class=\"stack\"").doesNotContain("Decommission").doesNotContain("Open a store");
        assertThat(calls("GET /api/v1/merchants/" + MERCHANT)).allSatisfy(call -> assertThat(call.apiKey()).isEqualTo(MERCHANT_KEY));
        assertThat(get(browser, "/console/merchants").statusCode()).isEqualTo(403);
        assertThat(get(browser, "/console/merchants/" + MERCHANT).statusCode()).isEqualTo(403);
    }

    private HttpClient signedIn(String keyId, String secret) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = hidden(get(browser, "/console/sign-in").body(), "_csrf");
        HttpResponse<String> signedIn = post(browser, "/console/sign-in", "keyId=" + keyId + "&secret="
                + URLEncoder.encode(secret, StandardCharsets.UTF_8) + "&_csrf=" + token);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        return browser;
    }

    private HttpResponse<String> get(HttpClient browser, String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient browser, String path, String form) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String hidden(String page, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a hidden " + name + " in the page " + page).isTrue();
        return matcher.group(1);
    }

    private static List<Call> calls(String line) {
        return CALLS.stream().filter(call -> call.line().equals(line)).collect(Collectors.toList());
    }

    /** One request the console sent to the stand-in gateway. */
    record Call(String method, String path, String apiKey, String idempotencyKey, String body) {

        String line() {
            return method + " " + path;
        }
    }

    private static HttpServer gateway() {
        String merchant = "{\"id\":\"" + MERCHANT + "\",\"name\":\"Sakura Mart\",\"status\":\"ACTIVE\",\"createdAt\":\"2026-12-01T00:00:00Z\"}";
        String store = "{\"id\":\"" + STORE + "\",\"merchantId\":\"" + MERCHANT + "\",\"code\":\"SHIBUYA\",\"name\":\"Sakura Mart Shibuya\","
                + "\"address\":{\"line1\":\"2-1 Dogenzaka\",\"city\":\"Shibuya\",\"country\":\"JP\"},\"timeZone\":\"Asia/Tokyo\",\"mcc\":\"5411\"}";
        String terminal = "{\"id\":\"" + TERMINAL + "\",\"merchantId\":\"" + MERCHANT + "\",\"storeId\":\"" + STORE
                + "\",\"code\":\"TILL-1\",\"status\":\"ACTIVE\"}";
        Map<String, String> answers = Map.ofEntries(
                Map.entry("GET /api/v1/merchants", "{\"merchants\":[" + merchant + "],\"page\":0,\"size\":50,\"hasMore\":false}"),
                Map.entry("POST /api/v1/merchants", merchant),
                Map.entry("GET /api/v1/merchants/" + MERCHANT, merchant),
                Map.entry("PUT /api/v1/merchants/" + MERCHANT, merchant),
                Map.entry("POST /api/v1/merchants/" + MERCHANT + "/closure", merchant),
                Map.entry("GET /api/v1/merchants/" + MERCHANT + "/stores", "{\"stores\":[" + store + "]}"),
                Map.entry("GET /api/v1/merchants/" + MERCHANT + "/stores/" + STORE, store),
                Map.entry("PUT /api/v1/merchants/" + MERCHANT + "/stores/" + STORE, store),
                Map.entry("GET /api/v1/merchants/" + MERCHANT + "/terminals", "{\"terminals\":[" + terminal + "]}"),
                Map.entry("POST /api/v1/merchants/" + MERCHANT + "/terminals", terminal),
                Map.entry("POST /api/v1/merchants/" + MERCHANT + "/terminals/" + TERMINAL + "/decommissioning", terminal),
                Map.entry("GET /api/v1/merchants/" + MERCHANT + "/audit", "{\"entries\":[],\"hasMore\":false}"),
                Map.entry("GET /api/v1/credentials", "[]"),
                Map.entry("POST /api/v1/credentials", "{\"credential\":{\"id\":\"trm_new\",\"terminalId\":\"" + TERMINAL + "\"},"
                        + "\"apiKey\":\"trm_new.the-secret-shown-once\"}"));
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/caller", exchange -> {
                String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
                if (ADMIN_KEY.equals(key)) {
                    answer(exchange, 200, "{\"principal\":\"test-admin\",\"role\":\"PLATFORM_ADMIN\"}");
                } else if (MERCHANT_KEY.equals(key)) {
                    answer(exchange, 200, "{\"principal\":\"test-merchant\",\"role\":\"MERCHANT\",\"merchantId\":\"" + MERCHANT + "\"}");
                } else {
                    answer(exchange, 401, "{\"status\":401,\"code\":\"API_KEY_INVALID\",\"detail\":\"invalid API key\"}");
                }
            });
            server.createContext("/api/v1/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                CALLS.add(new Call(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("X-Api-Key"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"), body));
                if (body.contains("\"country\":\"ZZ\"")) {
                    answer(exchange, 400, "{\"status\":400,\"code\":\"UNKNOWN_COUNTRY\",\"field\":\"address.country\","
                            + "\"detail\":\"country must be an ISO 3166-1 alpha-2 code such as JP\"}");
                    return;
                }
                String answer = answers.get(exchange.getRequestMethod() + " " + path);
                if (answer == null) {
                    answer(exchange, 404, "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no such thing\"}");
                } else {
                    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                    if (key != null && !KEYS_DONE.add(key)) {
                        exchange.getResponseHeaders().set("Idempotency-Replayed", "true");
                    }
                    answer(exchange, exchange.getRequestMethod().equals("POST") ? 201 : 200, answer);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 400 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
