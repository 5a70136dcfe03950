package com.cardcoupons.localplatform;

import com.cardcoupons.testsupport.ApiCaller;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's run command, for real: every service as its own JVM, reached through the gateway. */
class LocalPlatformTest {

    private static final Path LOGS = Path.of("target", "platform-test-logs").toAbsolutePath();
    private static LocalPlatform platform;

    @BeforeAll
    static void start() {
        PlatformService.Ports ports = new PlatformService.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
        platform = LocalPlatform.start(ports, LocalPlatform.repositoryRoot(), LOGS, Map.of());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyServiceIsHealthyThroughTheGateway() {
        ApiCaller operator = ApiCaller.anonymous(platform.gatewayUrl());
        for (String service : List.of("registration-api", "coupon-server", "settlement-relay")) {
            ApiCaller.Reply readiness = operator.get("/services/" + service + "/actuator/health/readiness");
            assertThat(readiness.status()).as(service).isEqualTo(200);
            assertThat(readiness.json().path("components").path("db").path("status").asString()).as(service).isEqualTo("UP");
        }
        assertThat(operator.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void theDemoWorldIsLoaded() throws SQLException {
        try (Connection connection = platform.database().connect()) {
            assertThat(count(connection, "select count(*) from merchant")).isEqualTo(2);
            assertThat(count(connection, "select count(*) from terminal")).isEqualTo(4);
            assertThat(count(connection, "select count(distinct state) from campaign")).isGreaterThanOrEqualTo(4);
            assertThat(count(connection, "select count(distinct card_token) from coupon")).isEqualTo(DemoData.CARDS.size());
        }
    }

    @Test
    void serviceLogsAreStructuredAndHoldNoDemoCardNumber() throws IOException {
        try (Stream<Path> files = Files.list(LOGS)) {
            for (Path log : files.toList()) {
                String text = Files.readString(log);
                assertThat(text).as(log.toString()).isNotBlank().doesNotContain("4111111111111111", "5555555555554444");
                assertThat(text.lines().filter(line -> !line.isBlank()).findFirst().orElseThrow()).as(log.toString()).startsWith("{");
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
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
