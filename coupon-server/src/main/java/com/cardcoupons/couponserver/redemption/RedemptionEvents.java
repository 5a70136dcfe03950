package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.usage.UsageEvent;
import com.cardcoupons.couponserver.usage.UsageEventType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The usage log entries of a reservation's transition: one per redemption it changed. */
final class RedemptionEvents {

    private RedemptionEvents() {
    }

    static List<UsageEvent> of(UsageEventType type, Reservation reservation, List<Redemption> changed,
            Map<UUID, RedeemedCouponRef> coupons) {
        return changed.stream().map(redemption -> {
            RedeemedCouponRef coupon = coupons.get(redemption.couponId());
            return new UsageEvent(type, redemption.campaignId(), coupon.id(), null, reservation.id(), coupon.cardToken(),
                    coupon.mediumType(), coupon.channel(), reservation.till(), reservation.amount(), redemption.discount(),
                    null);
        }).toList();
    }
}
