package com.cardcoupons.localplatform;

import com.cardcoupons.model.schema.DatabaseRole;

import java.util.List;

/**
 * One process of the platform: its module, its port, the environment variable that points others at it, and the
 * database role it connects as (none for the settlement center, which is the outside world).
 */
record PlatformService(String module, int port, String urlVariable, DatabaseRole databaseRole) {

    static List<PlatformService> all(Ports ports) {
        return List.of(
                new PlatformService("settlement-center-simulator", ports.simulator(), "SETTLEMENT_CENTER_ADMIN_URL", null),
                new PlatformService("registration-api", ports.registration(), "REGISTRATION_API_URL", DatabaseRole.REGISTRATION),
                new PlatformService("coupon-server", ports.couponServer(), "COUPON_SERVER_URL", DatabaseRole.TILL),
                new PlatformService("settlement-relay", ports.relay(), "SETTLEMENT_RELAY_URL", DatabaseRole.RELAY),
                new PlatformService("reception-terminal-gateway", ports.gateway(), "GATEWAY_URL", DatabaseRole.GATEWAY));
    }

    String url() {
        return "http://localhost:" + port;
    }

    /**
     * The ports the platform listens on; each can be moved with an environment variable. {@code simulatorIso} is the
     * settlement center simulator's ISO 8583 host, which the relay connects to.
     */
    record Ports(int gateway, int registration, int couponServer, int relay, int simulator, int simulatorIso, int database) {

        static Ports fromEnvironment() {
            return new Ports(
                    port("GATEWAY_PORT", 8080),
                    port("REGISTRATION_API_PORT", 8081),
                    port("COUPON_SERVER_PORT", 8082),
                    port("SETTLEMENT_RELAY_PORT", 8083),
                    port("SETTLEMENT_CENTER_PORT", 8084),
                    port("SETTLEMENT_CENTER_ISO_PORT", 8583),
                    port("COUPONS_EMBEDDED_DB_PORT", 5433));
        }

        private static int port(String variable, int fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }
}
