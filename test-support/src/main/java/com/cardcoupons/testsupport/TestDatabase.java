package com.cardcoupons.testsupport;

/** A freshly migrated PostgreSQL database of one's own: how to connect to it. */
public record TestDatabase(String jdbcUrl, String username, String password) {

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + "]";
    }
}
