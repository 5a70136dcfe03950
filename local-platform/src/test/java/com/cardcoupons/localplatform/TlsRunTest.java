package com.cardcoupons.localplatform;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.net.ssl.HttpsURLConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-command run with {@code GATEWAY_TLS_ENABLED=true} and no keystore of one's own: it makes a self-signed
 * certificate for localhost, its readiness probe speaks HTTPS to the gateway, and the gateway serves HTTPS only.
 * Only the database and the gateway are started: the probe and the gateway's TLS are what is under test.
 */
class TlsRunTest {

    private static LocalPlatform platform;

    @BeforeAll
    static void start() {
        PlatformService.Ports ports = new PlatformService.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        platform = LocalPlatform.start(ports, LocalPlatform.repositoryRoot(), Path.of("target", "tls-run-logs").toAbsolutePath(),
                Map.of("GATEWAY_TLS_ENABLED", "true", "GATEWAY_TLS_KEYSTORE", ""), LocalPlatform.GATEWAY::equals);
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

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
