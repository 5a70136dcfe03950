package com.cardcoupons.couponserver.coupon;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The acquired coupons as acquired: read for what a redemption shows, and their uses given back by conditional
 * statements, never by writing an entity. The till reads them with their terms through {@link CouponsAtTheTill};
 * uses are taken by the statement that records the use ({@code redemption.NewReservations}).
 */
public interface Coupons extends Repository<AcquiredCoupon, UUID> {

    List<AcquiredCoupon> findByIdIn(Collection<UUID> ids);

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
