package com.cardcoupons.registration.coupon;

import jakarta.persistence.EntityManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;

import static com.cardcoupons.registration.PostgresTypes.timestamp;

/** Found by Spring Data by its name: {@link CouponWrites} as plain SQL, in the caller's transaction. */
@Repository
class CouponWritesImpl implements CouponWrites {

    private final JdbcClient jdbc;
    private final EntityManager entities;

    CouponWritesImpl(JdbcClient jdbc, EntityManager entities) {
        this.jdbc = jdbc;
        this.entities = entities;
    }

    @Override
    public boolean add(Coupon coupon) {
        String token = coupon.medium().token().value();
        if (jdbc.sql("insert into coupon_by_code (code, card_token, coupon_id) values (?, ?, ?) on conflict do nothing")
                .params(coupon.code().value(), token, coupon.id()).update() == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into coupon (id, code, campaign_id, campaign_version_id, card_token, medium_type,
                                            medium_last_four, card_brand, program, channel, uses_allowed, acquired_at,
                                            expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(coupon.id(), coupon.code().value(), coupon.campaignId(), coupon.versionId(), token,
                        coupon.medium().type().name(), coupon.medium().lastFour(),
                        coupon.medium().brand() == null ? null : coupon.medium().brand().name(), coupon.medium().program(),
                        coupon.channel().name(), coupon.usesAllowed(), timestamp(coupon.acquiredAt()),
                        timestamp(coupon.expiresAt()))
                .update();
        return true;
    }

    @Override
    public boolean cancel(Coupon coupon, Channel channel, Instant now) {
        String token = coupon.medium().token().value();
        // waits for a use that holds the row by its foreign key; the statement after it sees that use, committed
        jdbc.sql("select from coupon where id = ? and card_token = ? for update").params(coupon.id(), token).query().listOfRows();
        int cancelled = jdbc.sql("""
                        update coupon set state = 'CANCELLED', cancelled_at = ?, cancelled_via = ?
                         where id = ? and card_token = ? and state = 'ACTIVE' and expires_at > ?
                           and not exists (select from coupon_use u
                                            where u.coupon_id = ? and u.card_token = ? and u.uses_held > 0)""")
                .params(timestamp(now), channel.name(), coupon.id(), token, timestamp(now), coupon.id(), token)
                .update();
        entities.clear();
        return cancelled == 1;
    }
}
