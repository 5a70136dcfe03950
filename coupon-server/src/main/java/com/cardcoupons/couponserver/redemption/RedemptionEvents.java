package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.usage.UsageEvent;
import com.cardcoupons.couponserver.usage.UsageEventType;

import java.util.List;

/** The usage log entries of a reservation's transition: one per redemption it changed. */
final class RedemptionEvents {

    private RedemptionEvents() {
    }

    static List<UsageEvent> of(UsageEventType type, Reservation reservation, List<Redemption> changed) {
        return changed.stream().map(redemption -> new UsageEvent(type, redemption.coupon().campaignId(),
                redemption.coupon().id(), null, reservation.id(), redemption.coupon().cardToken(),
                redemption.coupon().mediumType(), redemption.coupon().channel(), reservation.till(),
                reservation.amount(), redemption.discount(), null)).toList();
    }
}
