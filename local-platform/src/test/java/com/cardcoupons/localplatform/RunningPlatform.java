package com.cardcoupons.localplatform;

import com.cardcoupons.testsupport.ApiCaller;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one-command platform, started once for all the test classes that use it (starting five JVMs takes minutes on
 * a small machine) and stopped when the test JVM ends.
 */
final class RunningPlatform {

    static final Path LOGS = Path.of("target", "platform-test-logs").toAbsolutePath();

    private static LocalPlatform platform;

    private RunningPlatform() {
    }

    static synchronized LocalPlatform get() {
        if (platform == null) {
            PlatformService.Ports ports = new PlatformService.Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
            // a loaded CI machine may take longer than the production budget for a first search; the budget's own
            // behaviour is settlement-relay's test subject, the flow across services is this one's
            LocalPlatform started = LocalPlatform.start(ports, LocalPlatform.repositoryRoot(), LOGS,
                    Map.of("RELAY_COUPON_SEARCH_BUDGET", "3s"));
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "platform-test-stop"));
            warmUp(started.gatewayUrl());
            platform = started;
        }
        return platform;
    }

    /**
     * Sends each service a first call until it answers in time: a JVM that just started answers its first calls
     * slowly, and on a busy machine slower than the gateway's timeouts (504), which no test is about.
     */
    private static void warmUp(String gateway) {
        String terminal = DemoCredentials.KEYS.get(0).apiKey();
        ApiCaller till = new ApiCaller(gateway, (method, path) -> Map.of("X-Api-Key", terminal));
        ApiCaller admin = new ApiCaller(gateway, (method, path) -> Map.of("X-Api-Key",
                DemoCredentials.KEYS.stream().filter(key -> key.id().equals("demo-admin")).findFirst().orElseThrow().apiKey()));
        String search = """
                {"medium":{"type":"CREDIT","cardNumber":"4111 1111 1111 1111"},"intendedUse":{"merchantId":"%s",
                 "storeId":"%s","terminalId":"%s","amount":{"amountMinor":100,"currency":"JPY"}}}"""
                .formatted(DemoData.SAKURA_MART, DemoData.SAKURA_SHIBUYA, DemoData.SHIBUYA_TILL_1);
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            boolean warm = till.post("/api/v1/searches", search).status() == 200
                    & till.get("/api/v1/payments?transactionId=warm-up").status() == 404
                    & admin.get("/services/registration-api/actuator/health").status() == 200
                    & admin.get("/v3/api-docs").json().path("x-unavailable-services").isMissingNode();
            if (warm) {
                return;
            }
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
