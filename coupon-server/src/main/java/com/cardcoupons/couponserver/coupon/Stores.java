package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.problem.DomainException;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.UUID;

/**
 * The stores terminals stand in. Read on every search and use, changed almost never: kept in memory for a short
 * while ({@code coupons.till.store-cache-ttl}) so the hot path does not pay a round trip for them.
 */
@Repository
public class Stores {

    private final JdbcClient jdbc;
    private final LoadingCache<UUID, Store> cache;

    Stores(JdbcClient jdbc, TillProperties properties) {
        this.jdbc = jdbc;
        this.cache = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(properties.storeCacheTtl())
                .build(this::load);
    }

    /** The calling terminal's store; one the gateway vouches for but the database does not know is refused. */
    public Store of(Till till) {
        Store store = cache.get(till.storeId());
        if (store == null) {
            throw new DomainException(DomainException.Kind.UNPROCESSABLE, "UNKNOWN_STORE", null,
                    "the terminal's store is not registered");
        }
        return store;
    }

    /** Null for an unknown store, which the cache then does not keep. */
    private Store load(UUID id) {
        return jdbc.sql("select id, merchant_id, code, name, mcc, time_zone from store where id = ?")
                .param(id)
                .query((rs, row) -> new Store(rs.getObject("id", UUID.class), rs.getObject("merchant_id", UUID.class),
                        rs.getString("code"), rs.getString("name"), rs.getString("mcc"), ZoneId.of(rs.getString("time_zone"))))
                .optional()
                .orElse(null);
    }
}
