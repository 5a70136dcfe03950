package com.cardcoupons.localplatform;

import com.cardcoupons.model.schema.DatabaseRole;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * One process of the platform: its module, which instance of it (from 1), its port, the environment variable that
 * points others at it, the database role it connects as (none for the settlement center, which is the outside world),
 * and whether it serves HTTPS.
 */
record PlatformService(String module, int instance, int port, String urlVariable, DatabaseRole databaseRole, boolean tls) {

    PlatformService(String module, int instance, int port, String urlVariable, DatabaseRole databaseRole) {
        this(module, instance, port, urlVariable, databaseRole, false);
    }

    /** Instance n (from 1) of coupon-server and of the settlement relay listens on the module's port + 100 (n - 1). */
    static List<PlatformService> all(Ports ports, int instances) {
        List<PlatformService> all = new ArrayList<>();
        all.add(new PlatformService("settlement-center-simulator", 1, ports.simulator(), "SETTLEMENT_CENTER_ADMIN_URL", null));
        all.add(new PlatformService("registration-api", 1, ports.registration(), "REGISTRATION_API_URL", DatabaseRole.REGISTRATION));
        for (int instance = 1; instance <= instances; instance++) {
            all.add(new PlatformService("coupon-server", instance, ports.couponServer() + 100 * (instance - 1),
                    "COUPON_SERVER_URL", DatabaseRole.TILL));
        }
        for (int instance = 1; instance <= instances; instance++) {
            all.add(new PlatformService("settlement-relay", instance, ports.relay() + 100 * (instance - 1),
                    "SETTLEMENT_RELAY_URL", DatabaseRole.RELAY));
        }
        all.add(new PlatformService("reception-terminal-gateway", 1, ports.gateway(), "GATEWAY_URL", DatabaseRole.GATEWAY));
        all.add(new PlatformService("web-console", 1, ports.console(), "WEB_CONSOLE_URL", null));
        return all;
    }

    String url() {
        return (tls ? "https" : "http") + "://localhost:" + port;
    }

    PlatformService overTls() {
        return new PlatformService(module, instance, port, urlVariable, databaseRole, true);
    }

    /** The module's name, with the instance's number after the first: {@code coupon-server-2}. */
    String name() {
        return instance == 1 ? module : module + "-" + instance;
    }

    /**
     * The ports the platform listens on; each can be moved with an environment variable. {@code simulatorIso} is the
     * settlement center simulator's ISO 8583 host, which the relay connects to. The web console is reached through
     * the gateway at /console; its own port only needs to be free.
     */
    record Ports(int gateway, int registration, int couponServer, int relay, int simulator, int simulatorIso, int database,
                 int console) {

        /** The console on a free port. */
        Ports(int gateway, int registration, int couponServer, int relay, int simulator, int simulatorIso, int database) {
            this(gateway, registration, couponServer, relay, simulator, simulatorIso, database, freePort());
        }

        static Ports fromEnvironment() {
            return new Ports(
                    port("GATEWAY_PORT", 8080),
                    port("REGISTRATION_API_PORT", 8081),
                    port("COUPON_SERVER_PORT", 8082),
                    port("SETTLEMENT_RELAY_PORT", 8083),
                    port("SETTLEMENT_CENTER_PORT", 8084),
                    port("SETTLEMENT_CENTER_ISO_PORT", 8583),
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
