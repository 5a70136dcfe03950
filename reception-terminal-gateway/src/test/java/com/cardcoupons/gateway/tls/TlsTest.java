package com.cardcoupons.gateway.tls;

import com.cardcoupons.gateway.Downstreams;
import com.cardcoupons.gateway.TestWorld;
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

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A wireless terminal reaches the gateway over TLS: the gateway serves HTTPS from a keystore given by configuration
 * (here a self-signed certificate made for the test), a terminal that trusts it gets through with its key, and
 * neither plain HTTP nor a client that does not trust the certificate gets anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IsolatedDatabase
class TlsTest {

    private static final Downstreams DOWNSTREAMS = Downstreams.start();
    private static final String PASSWORD = UUID.randomUUID().toString();
    private static final Path KEYSTORE = selfSignedKeystore();

    @LocalServerPort
    int port;

    JdbcClient jdbc;

    /** SQL as the schema's owner: the test writes rows other services own, and reads every table. */
    @Autowired
    void ownersSql(TestDatabase isolatedTestDatabase) {
        jdbc = isolatedTestDatabase.owner();
    }

    @DynamicPropertySource
    static void tls(DynamicPropertyRegistry registry) {
        DOWNSTREAMS.register(registry);
        registry.add("GATEWAY_TLS_ENABLED", () -> "true");
        registry.add("GATEWAY_TLS_KEYSTORE", () -> KEYSTORE.toUri().toString());
        registry.add("GATEWAY_TLS_KEYSTORE_PASSWORD", () -> PASSWORD);
    }

    @AfterAll
    static void stop() throws IOException {
        DOWNSTREAMS.stop();
        Files.deleteIfExists(KEYSTORE);
    }

    @BeforeEach
    void world() {
        new TestWorld(jdbc).load();
    }

    @Test
    void aTerminalThatTrustsTheGatewaysCertificateCallsOverTls() throws Exception {
        HttpClient terminal = HttpClient.newBuilder().sslContext(trusting(KEYSTORE)).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> reply = terminal.send(search("https"), HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("coupon-server saw /api/v1/searches");
        assertThat(reply.sslSession()).hasValueSatisfying(session -> assertThat(session.getProtocol()).isIn("TLSv1.3", "TLSv1.2"));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateGetsNoConnection() {
        HttpClient stranger = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> stranger.send(search("https"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void plainHttpIsNotServed() throws Exception {
        int served = DOWNSTREAMS.couponServer().requestCount();
        HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> reply = plain.send(search("http"), HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).isEqualTo(400);
        } catch (IOException refused) {
            // the connection was closed without an answer: just as good
        }
        assertThat(DOWNSTREAMS.couponServer().requestCount()).isEqualTo(served);
    }

    private HttpRequest search(String scheme) {
        return HttpRequest.newBuilder(URI.create(scheme + "://localhost:" + port + "/api/v1/searches"))
                .header("X-Api-Key", TestWorld.TERMINAL_A_KEY)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
    }

    private static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** A PKCS12 keystore with a fresh self-signed EC certificate for localhost, made with the JDK's keytool. */
    private static Path selfSignedKeystore() {
        try {
            Path keystore = Files.createTempFile("gateway-tls", ".p12");
            Files.delete(keystore);
            Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "gateway", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                    .redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            return keystore;
        } catch (IOException e) {
            throw new IllegalStateException("could not make a keystore", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
