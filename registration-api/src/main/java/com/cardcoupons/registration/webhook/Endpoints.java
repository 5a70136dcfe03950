package com.cardcoupons.registration.webhook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The webhook endpoints, written with SQL; a deleted endpoint is kept (its deliveries stay readable) but not found. */
@Repository
class Endpoints {

    private static final String COLUMNS = "id, merchant_id, url, event_types, description, secret, previous_secret, "
            + "previous_secret_until, created_at, updated_at";

    private final JdbcClient jdbc;

    Endpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Endpoint endpoint) {
        jdbc.sql("insert into webhook_endpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, null, null, ?, ?)")
                .params(endpoint.id(), endpoint.merchantId(), endpoint.url(), endpoint.eventTypes().toArray(String[]::new),
                        endpoint.description(), endpoint.secret(), Timestamp.from(endpoint.createdAt()),
                        Timestamp.from(endpoint.updatedAt()))
                .update();
    }

    Optional<Endpoint> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = ? and deleted_at is null")
                .param(id).query(Endpoints::endpoint).optional();
    }

    /** Locked until the transaction ends: a change reads the endpoint as it is. */
    Optional<Endpoint> findLocked(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where id = ? and deleted_at is null for update")
                .param(id).query(Endpoints::endpoint).optional();
    }

    /** One merchant's endpoints, or every merchant's for {@code null}, oldest first. */
    List<Endpoint> list(UUID merchantId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoint where deleted_at is null"
                        + " and (cast(? as uuid) is null or merchant_id = cast(? as uuid)) order by created_at, id")
                .params(merchantId, merchantId).query(Endpoints::endpoint).list();
    }

    void update(UUID id, String url, List<String> eventTypes, String description, Instant now) {
        jdbc.sql("update webhook_endpoint set url = ?, event_types = ?, description = ?, updated_at = ? where id = ?")
                .params(url, eventTypes.toArray(String[]::new), description, Timestamp.from(now), id).update();
    }

    void rotate(UUID id, byte[] secret, byte[] previous, Instant previousUntil, Instant now) {
        jdbc.sql("update webhook_endpoint set secret = ?, previous_secret = ?, previous_secret_until = ?, updated_at = ? where id = ?")
                .params(secret, previous, Timestamp.from(previousUntil), Timestamp.from(now), id).update();
    }

    void delete(UUID id, Instant now) {
        jdbc.sql("update webhook_endpoint set deleted_at = ?, updated_at = ? where id = ?")
                .params(Timestamp.from(now), Timestamp.from(now), id).update();
    }

    private static Endpoint endpoint(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        Timestamp until = rs.getTimestamp("previous_secret_until");
        return new Endpoint(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class), rs.getString("url"),
                Arrays.asList((String[]) types.getArray()), rs.getString("description"), rs.getBytes("secret"),
                rs.getBytes("previous_secret"), until == null ? null : until.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
