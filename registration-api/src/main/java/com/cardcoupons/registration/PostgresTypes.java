package com.cardcoupons.registration;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

/** Parameters of the PostgreSQL types of the shared schema for statements run with {@code JdbcClient}. */
public final class PostgresTypes {

    private PostgresTypes() {
    }

    /** A {@code timestamptz} parameter. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** An array parameter of the given element type ({@code uuid}, {@code text}), built on the statement's connection. */
    public static AbstractSqlTypeValue array(String elementType, Collection<?> values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf(elementType, values.stream().map(Object::toString).toArray());
            }
        };
    }
}
