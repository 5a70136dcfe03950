package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.model.medium.CardToken;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.UUID;

/**
 * The uses of coupons held at tills, coupon-server's own record of them ({@code coupon_use}). A use is taken by the
 * statement that records it ({@code redemption.NewReservations}), on the condition that a use is free; it is given
 * back here, after a release, an expiry or a reversal, in the transaction that records the transition.
 */
@Repository
public class CouponUses {

    private final JdbcClient jdbc;

    CouponUses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void giveBack(UUID couponId, CardToken card) {
        int given = jdbc.sql("update coupon_use set uses_held = uses_held - 1 where coupon_id = ? and card_token = ? and uses_held > 0")
                .params(couponId, card.value())
                .update();
        if (given != 1) {
            throw new IllegalStateException("coupon " + couponId + " has no held use to give back");
        }
    }
}
