package com.cardcoupons.testsupport;

/**
 * A PostgreSQL server tests may create databases on. {@code adminUrl} points at a database that always exists
 * (such as {@code postgres}); {@link #urlOf(String)} addresses another database on the same server.
 */
record PostgresServer(String description, String adminUrl, String username, String password) {

    String urlOf(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        if (slash < 0) {
            throw new IllegalArgumentException("JDBC URL names no database: " + adminUrl);
        }
        int query = adminUrl.indexOf('?', slash);
        String params = query < 0 ? "" : adminUrl.substring(query);
        return adminUrl.substring(0, slash + 1) + database + params;
    }
}
