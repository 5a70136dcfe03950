package com.cardcoupons.localplatform;

import java.util.ArrayList;
import java.util.List;

/**
 * One process of the platform: its module, which instance of it (from 1), its port, and the environment variable
 * that points others at it.
 */
record PlatformService(String module, int instance, int port, String urlVariable) {

    /** The modules that can run as several instances behind the gateway; instance n listens on port + 100 (n - 1). */
    static final List<String> SCALED = List.of("coupon-server", "settlement-relay");

    static List<PlatformService> all(Ports ports, int instances) {
        List<PlatformService> all = new ArrayList<>();
        all.add(new PlatformService("settlement-center-simulator", 1, ports.simulator(), "SETTLEMENT_CENTER_URL"));
        all.add(new PlatformService("registration-api", 1, ports.registration(), "REGISTRATION_API_URL"));
        for (int instance = 1; instance <= instances; instance++) {
            all.add(new PlatformService("coupon-server", instance, ports.couponServer() + 100 * (instance - 1), "COUPON_SERVER_URL"));
        }
        for (int instance = 1; instance <= instances; instance++) {
            all.add(new PlatformService("settlement-relay", instance, ports.relay() + 100 * (instance - 1), "SETTLEMENT_RELAY_URL"));
        }
        all.add(new PlatformService("reception-terminal-gateway", 1, ports.gateway(), "GATEWAY_URL"));
        return all;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The module's name, with the instance's number after the first: {@code coupon-server-2}. */
    String name() {
        return instance == 1 ? module : module + "-" + instance;
    }

    /** The ports the platform listens on; each can be moved with an environment variable. */
    record Ports(int gateway, int registration, int couponServer, int relay, int simulator, int database) {

        static Ports fromEnvironment() {
            return new Ports(
                    port("GATEWAY_PORT", 8080),
                    port("REGISTRATION_API_PORT", 8081),
                    port("COUPON_SERVER_PORT", 8082),
                    port("SETTLEMENT_RELAY_PORT", 8083),
                    port("SETTLEMENT_CENTER_PORT", 8084),
                    port("COUPONS_EMBEDDED_DB_PORT", 5433));
        }

        private static int port(String variable, int fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }
}
