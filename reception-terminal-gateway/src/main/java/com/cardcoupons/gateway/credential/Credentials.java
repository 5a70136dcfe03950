package com.cardcoupons.gateway.credential;

import com.cardcoupons.platform.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored credentials. Every authentication reads the row afresh (one primary-key lookup joined with the
 * terminal), so a revocation or a decommissioned terminal takes effect on the very next request.
 */
@Repository
public class Credentials {

    private static final String SELECT = """
            select c.id, c.kind, c.label, c.terminal_id, c.channel, c.secret_hash, c.previous_secret_hash,
                   c.previous_valid_until, c.status, c.issued_by, c.issued_at, c.rotated_at, c.revoked_by, c.revoked_at,
                   coalesce(t.merchant_id, c.merchant_id) as merchant_id, t.store_id, t.status as terminal_status
              from api_credential c
              left join terminal t on t.id = c.terminal_id
            """;

    private final JdbcClient jdbc;

    Credentials(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Credential> find(String id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(Credentials::map).optional();
    }

    List<Credential> list(Role kind, Credential.Status status) {
        return jdbc.sql(SELECT + """
                 where (cast(:kind as text) is null or c.kind = :kind)
                   and (cast(:status as text) is null or c.status = :status)
                 order by c.issued_at, c.id""")
                .param("kind", kind == null ? null : kind.name())
                .param("status", status == null ? null : status.name())
                .query(Credentials::map).list();
    }

    void add(Credential credential) {
        insert(credential, "");
    }

    /** Adds the credential unless one with its id exists, whatever its state: true when it was added. */
    boolean addIfAbsent(Credential credential) {
        return insert(credential, " on conflict (id) do nothing") == 1;
    }

    private int insert(Credential credential, String onConflict) {
        return jdbc.sql("""
                insert into api_credential (id, kind, label, terminal_id, merchant_id, channel, secret_hash,
                                            status, issued_by, issued_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict)
                .params(credential.id(), credential.kind().name(), credential.label(),
                        credential.binding().terminalId(),
                        credential.kind() == Role.MERCHANT ? credential.binding().merchantId() : null,
                        credential.binding().channel() == null ? null : credential.binding().channel().name(),
                        credential.secretHash().bytes(), credential.status().name(), credential.issuedBy(),
                        Timestamp.from(credential.issuedAt()))
                .update();
    }

    /**
     * Stores a rotation or revocation of {@code before}, only if the row is still as it was read: of two
     * concurrent changes, one wins and the other is told so.
     */
    boolean replace(Credential before, Credential after) {
        return jdbc.sql("""
                update api_credential
                   set secret_hash = ?, previous_secret_hash = ?, previous_valid_until = ?, status = ?,
                       rotated_at = ?, revoked_by = ?, revoked_at = ?
                 where id = ? and secret_hash = ? and status = ?""")
                .params(after.secretHash().bytes(),
                        after.previousSecretHash() == null ? null : after.previousSecretHash().bytes(),
                        timestamp(after.previousValidUntil()), after.status().name(), timestamp(after.rotatedAt()),
                        after.revokedBy(), timestamp(after.revokedAt()),
                        before.id(), before.secretHash().bytes(), before.status().name())
                .update() == 1;
    }

    /** A terminal's merchant, store and whether it is active, to bind a terminal credential to. */
    Optional<Credential.Binding> terminal(UUID terminalId) {
        return jdbc.sql("select id, merchant_id, store_id, status from terminal where id = ?").param(terminalId)
                .query((row, n) -> Credential.Binding.terminal(row.getObject("id", UUID.class),
                        row.getObject("merchant_id", UUID.class), row.getObject("store_id", UUID.class),
                        "ACTIVE".equals(row.getString("status"))))
                .optional();
    }

    boolean merchantExists(UUID merchantId) {
        return jdbc.sql("select count(*) from merchant where id = ?").param(merchantId).query(Long.class).single() > 0;
    }

    private static Credential map(ResultSet row, int rowNumber) throws SQLException {
        Role kind = Role.valueOf(row.getString("kind"));
        UUID merchantId = row.getObject("merchant_id", UUID.class);
        Credential.Binding binding = switch (kind) {
            case TERMINAL -> Credential.Binding.terminal(row.getObject("terminal_id", UUID.class), merchantId,
                    row.getObject("store_id", UUID.class), "ACTIVE".equals(row.getString("terminal_status")));
            case MERCHANT -> Credential.Binding.merchant(merchantId);
            case CONSUMER_CHANNEL -> Credential.Binding.channel(ConsumerChannel.valueOf(row.getString("channel")));
            case APPROVER, PLATFORM_ADMIN -> Credential.Binding.NONE;
        };
        byte[] previous = row.getBytes("previous_secret_hash");
        return new Credential(row.getString("id"), kind, row.getString("label"), binding,
                new SecretHash(row.getBytes("secret_hash")), previous == null ? null : new SecretHash(previous),
                instant(row.getTimestamp("previous_valid_until")), Credential.Status.valueOf(row.getString("status")),
                row.getString("issued_by"), instant(row.getTimestamp("issued_at")),
                instant(row.getTimestamp("rotated_at")), row.getString("revoked_by"),
                instant(row.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
