package com.cardcoupons.localplatform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.HttpsURLConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-command run with {@code GATEWAY_TLS_ENABLED=true} and no keystore of one's own: it makes a self-signed
 * certificate for localhost, its readiness probe speaks HTTPS to the gateway, the gateway serves HTTPS only, and the
 * web console behind it calls the gateway over HTTPS, trusting that certificate (and no other). Only the database,
 * the gateway and the console are started: the TLS between them is what is under test.
 */
class TlsRunTest {

    private static LocalPlatform platform;

    @BeforeAll
    static void start() {
        PlatformService.Ports ports = new PlatformService.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        platform = LocalPlatform.start(ports, LocalPlatform.repositoryRoot(), Path.of("target", "tls-run-logs").toAbsolutePath(),
                Map.of("GATEWAY_TLS_ENABLED", "true", "GATEWAY_TLS_KEYSTORE", ""),
                module -> module.equals(LocalPlatform.GATEWAY) || module.equals("web-console"));
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theGatewayIsReadyOverHttpsAndRefusesPlainHttp() throws IOException {
        assertThat(platform.gatewayUrl()).startsWith("https://localhost:");
        HttpsURLConnection https = (HttpsURLConnection) URI.create(platform.gatewayUrl() + "/actuator/health").toURL().openConnection();
        https.setSSLSocketFactory(platform.gatewayTls().trustingIt().getSocketFactory());
        assertThat(https.getResponseCode()).isEqualTo(200);
        assertThat(https.getCipherSuite()).isNotBlank();

        HttpURLConnection plain = (HttpURLConnection) URI.create(platform.gatewayUrl().replace("https:", "http:") + "/actuator/health")
                .toURL().openConnection();
        plain.setReadTimeout(5000);
        try {
            assertThat(plain.getResponseCode()).as("plain HTTP gets nothing from the API").isNotEqualTo(200);
        } catch (IOException refused) {
            // refused outright: as good
        }
    }

    @Test
    void theConsoleSignsInThroughTheGatewayOverHttpsTrustingItsCertificate() throws Exception {
        HttpClient browser = HttpClient.newBuilder().sslContext(platform.gatewayTls().trustingIt())
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> signInPage = browser.send(HttpRequest.newBuilder(URI.create(platform.consoleUrl() + "/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signInPage.headers().firstValue("Set-Cookie").orElseThrow()).as("the session cookie over TLS").contains("Secure");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(signInPage.body());
        assertThat(csrf.find()).isTrue();

        // signing in makes the console ask the gateway who the key is: over HTTPS, so only if it trusts the certificate
        DemoCredentials.DemoKey admin = DemoCredentials.ADMINISTRATOR;
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(platform.consoleUrl() + "/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("keyId=" + admin.id()
                        + "&secret=" + URLEncoder.encode(admin.secret(), StandardCharsets.UTF_8)
                        + "&_csrf=" + csrf.group(1))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValue("/console");
        HttpResponse<String> keys = browser.send(HttpRequest.newBuilder(URI.create(platform.consoleUrl() + "/credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(keys.statusCode()).isEqualTo(200);
        assertThat(keys.body()).contains("API credentials").contains(admin.id());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
