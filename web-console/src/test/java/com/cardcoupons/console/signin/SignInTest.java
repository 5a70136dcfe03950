package com.cardcoupons.console.signin;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in over real HTTP, against a stand-in gateway that knows one merchant key: the session cookie's flags,
 * the CSRF token every form needs, the key checked at the gateway, and the pages of the key's role only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.session.cookie.secure=true")
class SignInTest {

    private static final String MERCHANT_KEY = "test-merchant.secret-of-the-test-merchant";
    private static final List<String> KEYS_SEEN = new CopyOnWriteArrayList<>();
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

    @Test
    void theSessionCookieIsHttpOnlySameSiteAndSecureWhenConfiguredForTls() throws Exception {
        HttpResponse<String> page = browser().send(get("/console/sign-in"), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("CONSOLE_SESSION=").contains("HttpOnly").contains("SameSite=Strict").contains("Secure")
                .contains("Path=/console");
        assertThat(page.body()).contains("name=\"_csrf\"");
    }

    @Test
    void theRightKeySignsInToTheRolesPagesOnly() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> signedIn = signIn(browser, "test-merchant", "secret-of-the-test-merchant");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/console");
        assertThat(KEYS_SEEN).contains(MERCHANT_KEY);

        HttpResponse<String> home = browser.send(get("/console"), HttpResponse.BodyHandlers.ofString());
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/console/campaigns");
        assertThat(browser.send(get("/console/approvals"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(browser.send(get("/console/till"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(browser.send(get("/console/credentials"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void aWrongSecretIsRefusedWithTheReasonAndWithoutEchoingIt() throws Exception {
        HttpClient browser = browser();
        HttpResponse<String> refused = signIn(browser, "test-merchant", "not-the-secret");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?failed");
        String page = browser.send(get("/console/sign-in?failed"), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("do not open the platform").contains("value=\"test-merchant\"").doesNotContain("not-the-secret");
        HttpResponse<String> sentAway = browser.send(get("/console/campaigns"), HttpResponse.BodyHandlers.ofString());
        assertThat(sentAway.statusCode()).isEqualTo(302);
        assertThat(sentAway.headers().firstValue("Location")).as("relative: behind the gateway").hasValue("/console/sign-in");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "test-merchant", "secret-of-the-test-merchant");
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(uri("/console/campaigns"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("title=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void signingOutEndsTheSession() throws Exception {
        HttpClient browser = browser();
        signIn(browser, "test-merchant", "secret-of-the-test-merchant");
        String token = csrf(browser.send(get("/console/sign-in"), HttpResponse.BodyHandlers.ofString()).body());
        HttpResponse<String> out = browser.send(form("/console/sign-out", "_csrf=" + token), HttpResponse.BodyHandlers.ofString());
        assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/console/sign-in?signedOut");
        assertThat(browser.send(get("/console/campaigns"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> signIn(HttpClient browser, String keyId, String secret) throws Exception {
        String token = csrf(browser.send(get("/console/sign-in"), HttpResponse.BodyHandlers.ofString()).body());
        return browser.send(form("/console/sign-in", "keyId=" + keyId + "&secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8)
                + "&_csrf=" + token), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf(String page) {
        Matcher matcher = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("a CSRF token in the form").isTrue();
        return matcher.group(1);
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET().build();
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Cookies kept, redirects not followed; the session cookie is Secure, so the stand-in browser is told it is on TLS. */
    private static HttpClient browser() {
        CookieManager cookies = new CookieManager() {
            @Override
            public void put(URI uri, java.util.Map<String, List<String>> headers) throws IOException {
                super.put(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
            }

            @Override
            public java.util.Map<String, List<String>> get(URI uri, java.util.Map<String, List<String>> headers) throws IOException {
                return super.get(URI.create(uri.toString().replaceFirst("^http:", "https:")), headers);
            }
        };
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static HttpServer gateway() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/v1/caller", exchange -> {
                String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
                KEYS_SEEN.add(String.valueOf(key));
                boolean known = MERCHANT_KEY.equals(key);
                byte[] body = (known
                        ? "{\"principal\":\"test-merchant\",\"role\":\"MERCHANT\",\"merchantId\":\"a0000000-0000-4000-8000-000000000001\"}"
                        : "{\"status\":401,\"code\":\"API_KEY_INVALID\",\"detail\":\"invalid API key\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", known ? "application/json" : "application/problem+json");
                exchange.sendResponseHeaders(known ? 200 : 401, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
