package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.AcquiredCoupon;
import com.cardcoupons.couponserver.coupon.AcquiredCoupons;
import com.cardcoupons.couponserver.coupon.CampaignVersions;
import com.cardcoupons.couponserver.coupon.CouponTerms;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a stored reservation's coupons show to the terminal and the usage log: one read of the card's coupons as
 * acquired, with the terms of their versions, which are kept in memory.
 */
@Component
class RedeemedCoupons {

    private final AcquiredCoupons coupons;
    private final CampaignVersions versions;

    RedeemedCoupons(AcquiredCoupons coupons, CampaignVersions versions) {
        this.coupons = coupons;
        this.versions = versions;
    }

    Map<UUID, RedeemedCouponRef> of(Reservation reservation) {
        List<AcquiredCoupon> acquired = coupons.of(reservation.card(), reservation.couponIds());
        Map<UUID, CouponTerms> terms = versions.termsOf(acquired.stream().map(AcquiredCoupon::versionId)
                .collect(Collectors.toSet()));
        return acquired.stream().map(coupon -> RedeemedCouponRef.of(coupon, terms.get(coupon.versionId())))
                .collect(Collectors.toMap(RedeemedCouponRef::id, Function.identity()));
    }
}
