package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.money.Money;

import java.util.UUID;

/**
 * One entry of the usage log (claims 2 and 12). A medium appears only as its token. At the till, the medium type
 * and channel are the coupon's own (the medium and channel it was acquired on), so a campaign's figures line up from
 * acquisition to use.
 */
public record UsageEvent(
        UsageEventType type,
        UUID campaignId,
        UUID couponId,
        UUID searchId,
        UUID reservationId,
        String cardToken,
        String mediumType,
        String channel,
        Till till,
        Money amount,
        Money discount,
        Integer matchedCount) {
}
