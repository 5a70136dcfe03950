package com.cardcoupons.registration;

import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** Converts between Java values and the PostgreSQL types of the shared schema: instants and arrays. */
public final class PostgresTypes {

    private PostgresTypes() {
    }

    /** A {@code timestamptz} parameter. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Long bigint(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** An array parameter of the given element type ({@code uuid}, {@code text}), built on the statement's connection. */
    public static AbstractSqlTypeValue array(String elementType, Collection<?> values) {
        return new AbstractSqlTypeValue() {
            @Override
            protected Object createTypeValue(java.sql.Connection connection, int sqlType, String typeName) throws SQLException {
                return connection.createArrayOf(elementType, values.stream().map(Object::toString).toArray());
            }
        };
    }

    /** An array column's elements, converted one by one. */
    public static <T> List<T> list(ResultSet rs, String column, Function<String, T> element) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        List<T> converted = new ArrayList<>(values.length);
        Arrays.stream(values).forEach(value -> converted.add(element.apply(value.toString())));
        return converted;
    }
}
