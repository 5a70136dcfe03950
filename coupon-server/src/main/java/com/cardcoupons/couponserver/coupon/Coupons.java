package com.cardcoupons.couponserver.coupon;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The acquired coupons: read at the till with their terms ({@link CouponsAtTheTill}), read as acquired for what a
 * redemption shows, and their uses taken and given back by conditional statements, never by writing an entity.
 */
public interface Coupons extends Repository<AcquiredCoupon, UUID>, CouponsAtTheTill {

    List<AcquiredCoupon> findByIdIn(Collection<UUID> ids);

    /**
     * Takes one use of the coupon if one is free: 1, or 0 when none is. The condition is evaluated on the locked
     * row, so concurrent holds of the last use queue up and exactly one of them succeeds.
     */
    @Modifying
    @Query(nativeQuery = true, value = """
            update coupon set uses_held = uses_held + 1
             where id = :couponId and state = 'ACTIVE' and uses_held < uses_allowed""")
    int hold(UUID couponId);

    /** Gives a use back, after a release, an expiry or a reversal. */
    default void restore(UUID couponId) {
        if (giveBack(couponId) != 1) {
            throw new IllegalStateException("coupon " + couponId + " has no held use to restore");
        }
    }

    @Modifying
    @Query(nativeQuery = true, value = "update coupon set uses_held = uses_held - 1 where id = :couponId and uses_held > 0")
    int giveBack(UUID couponId);
}
