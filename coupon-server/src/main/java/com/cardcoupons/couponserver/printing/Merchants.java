package com.cardcoupons.couponserver.printing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/** Merchant names, for the head of a printed slip; merchants are registration-api's, and only read here. */
@Repository
class Merchants {

    private final JdbcClient jdbc;

    Merchants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nameOf(UUID merchantId) {
        return jdbc.sql("select name from merchant where id = ?").param(merchantId).query(String.class).single();
    }
}
