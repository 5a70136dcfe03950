package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The terminals and merchants keys speak for, read with plain SQL from the views registration-api publishes for the
 * gateway (migration V14_1): the gateway maps none of registration-api's tables and may read only these views.
 */
@Repository
class KeyHolders {

    private static final String TERMINALS = "select terminal_id, merchant_id, store_id, active from terminal_standing";
    private static final String MERCHANTS = "select merchant_id, active from merchant_standing";

    private final JdbcClient jdbc;

    KeyHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KeyHolder> terminal(UUID terminalId) {
        return jdbc.sql(TERMINALS + " where terminal_id = ?").param(terminalId).query(KeyHolders::terminal).optional();
    }

    Optional<KeyHolder> merchant(UUID merchantId) {
        return jdbc.sql(MERCHANTS + " where merchant_id = ?").param(merchantId).query(KeyHolders::merchant).optional();
    }

    /** Whom {@code credential} speaks for, or empty for a kind bound to neither a terminal nor a merchant. */
    Optional<KeyHolder> of(Credential credential) {
        return switch (credential.kind()) {
            case TERMINAL -> terminal(credential.terminalId());
            case MERCHANT -> merchant(credential.merchantId());
            case APPROVER, CONSUMER_CHANNEL, PLATFORM_ADMIN -> Optional.empty();
        };
    }

    /** The holders of a list of credentials, by credential id: one statement for the terminals, one for the merchants. */
    Map<String, KeyHolder> of(Collection<Credential> credentials) {
        List<UUID> terminalIds = credentials.stream().filter(c -> c.kind() == Role.TERMINAL).map(Credential::terminalId).toList();
        List<UUID> merchantIds = credentials.stream().filter(c -> c.kind() == Role.MERCHANT).map(Credential::merchantId).toList();
        Map<UUID, KeyHolder> terminals = new HashMap<>();
        if (!terminalIds.isEmpty()) {
            jdbc.sql(TERMINALS + " where terminal_id = any(?)").param(new SqlArrayValue("uuid", terminalIds.toArray()))
                    .query(KeyHolders::terminal).list().forEach(holder -> terminals.put(holder.terminalId(), holder));
        }
        Map<UUID, KeyHolder> merchants = new HashMap<>();
        if (!merchantIds.isEmpty()) {
            jdbc.sql(MERCHANTS + " where merchant_id = any(?)").param(new SqlArrayValue("uuid", merchantIds.toArray()))
                    .query(KeyHolders::merchant).list().forEach(holder -> merchants.put(holder.merchantId(), holder));
        }
        Map<String, KeyHolder> byCredential = new HashMap<>();
        for (Credential credential : credentials) {
            KeyHolder holder = credential.kind() == Role.TERMINAL ? terminals.get(credential.terminalId())
                    : credential.kind() == Role.MERCHANT ? merchants.get(credential.merchantId()) : null;
            if (holder != null) {
                byCredential.put(credential.id(), holder);
            }
        }
        return byCredential;
    }

    private static KeyHolder terminal(ResultSet row, int n) throws SQLException {
        return KeyHolder.terminal(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getObject(3, UUID.class),
                row.getBoolean(4));
    }

    private static KeyHolder merchant(ResultSet row, int n) throws SQLException {
        return KeyHolder.merchant(row.getObject(1, UUID.class), row.getBoolean(2));
    }
}
