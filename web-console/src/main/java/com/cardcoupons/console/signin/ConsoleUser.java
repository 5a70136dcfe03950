package com.cardcoupons.console.signin;

import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.UUID;

/**
 * A signed-in user: who the gateway says their key is, and the key itself, kept only in the server-side session
 * to call the API on their behalf. {@link #toString()} never shows the key.
 */
public record ConsoleUser(String keyId, String apiKey, Role role, UUID merchantId, UUID storeId, UUID terminalId,
                          String channel) implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The platform's roles, each with the console page it starts on. */
    public enum Role {
        TERMINAL("/console/till", "Till"),
        MERCHANT("/console/campaigns", "Campaigns"),
        APPROVER("/console/approvals", "Approvals"),
        CONSUMER_CHANNEL("/console/wallet", "Wallet"),
        PLATFORM_ADMIN("/console/credentials", "Credentials");

        private final String home;
        private final String title;

        Role(String home, String title) {
            this.home = home;
            this.title = title;
        }

        public String home() {
            return home;
        }

        public String title() {
            return title;
        }
    }

    static ConsoleUser of(String apiKey, Map<String, Object> caller) {
        return new ConsoleUser(String.valueOf(caller.get("principal")), apiKey, Role.valueOf(String.valueOf(caller.get("role"))),
                uuid(caller.get("merchantId")), uuid(caller.get("storeId")), uuid(caller.get("terminalId")),
                caller.get("channel") == null ? null : caller.get("channel").toString());
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + keyId + ", " + role + "]";
    }
}
