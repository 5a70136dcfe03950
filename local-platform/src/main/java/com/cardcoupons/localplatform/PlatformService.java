package com.cardcoupons.localplatform;

import com.cardcoupons.model.schema.DatabaseRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * One process of the platform: its module, its port, the environment variable that points others at it, the
 * database role it connects as (none for the settlement center, which is the outside world), and whether it serves
 * HTTPS.
 */
record PlatformService(String module, int port, String urlVariable, DatabaseRole databaseRole, boolean tls) {

    PlatformService(String module, int port, String urlVariable, DatabaseRole databaseRole) {
        this(module, port, urlVariable, databaseRole, false);
    }

    static List<PlatformService> all(Ports ports) {
        return List.of(
                new PlatformService("settlement-center-simulator", ports.simulator(), "SETTLEMENT_CENTER_URL", null),
                new PlatformService("registration-api", ports.registration(), "REGISTRATION_API_URL", DatabaseRole.REGISTRATION),
                new PlatformService("coupon-server", ports.couponServer(), "COUPON_SERVER_URL", DatabaseRole.TILL),
                new PlatformService("settlement-relay", ports.relay(), "SETTLEMENT_RELAY_URL", DatabaseRole.RELAY),
                new PlatformService("reception-terminal-gateway", ports.gateway(), "GATEWAY_URL", DatabaseRole.GATEWAY),
                new PlatformService("web-console", ports.console(), "WEB_CONSOLE_URL", null));
    }

    String url() {
        return (tls ? "https" : "http") + "://localhost:" + port;
    }

    PlatformService overTls() {
        return new PlatformService(module, port, urlVariable, databaseRole, true);
    }

    /**
     * The ports the platform listens on; each can be moved with an environment variable. The web console is reached
     * through the gateway at /console; its own port only needs to be free.
     */
    record Ports(int gateway, int registration, int couponServer, int relay, int simulator, int database, int console) {

        /** The console on a free port. */
        Ports(int gateway, int registration, int couponServer, int relay, int simulator, int database) {
            this(gateway, registration, couponServer, relay, simulator, database, freePort());
        }

        static Ports fromEnvironment() {
            return new Ports(
                    port("GATEWAY_PORT", 8080),
                    port("REGISTRATION_API_PORT", 8081),
                    port("COUPON_SERVER_PORT", 8082),
                    port("SETTLEMENT_RELAY_PORT", 8083),
                    port("SETTLEMENT_CENTER_PORT", 8084),
                    port("COUPONS_EMBEDDED_DB_PORT", 5433),
                    port("WEB_CONSOLE_PORT", 8085));
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int port(String variable, int fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }
}
