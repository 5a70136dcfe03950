package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.CardToken;
import com.cardcoupons.model.medium.MediumType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/** The coupons of one card as acquired, read from registration-api's {@code coupon} rows. */
@Repository
public class AcquiredCoupons {

    private final JdbcClient jdbc;

    AcquiredCoupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AcquiredCoupon> of(CardToken card, Collection<UUID> ids) {
        List<Object> params = new ArrayList<>(ids.size() + 1);
        params.add(card.value());
        params.addAll(ids);
        return jdbc.sql("""
                        select id, code, campaign_id, campaign_version_id, card_token, medium_type, channel from coupon
                         where card_token = ? and id in (%s)""".formatted(String.join(", ", Collections.nCopies(ids.size(), "?"))))
                .params(params)
                .query((rs, row) -> new AcquiredCoupon(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getObject("campaign_id", UUID.class), rs.getObject("campaign_version_id", UUID.class),
                        CardToken.of(rs.getString("card_token")), MediumType.valueOf(rs.getString("medium_type")),
                        rs.getString("channel")))
                .list();
    }
}
