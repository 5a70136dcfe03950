package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.coupon.Till;
import com.cardcoupons.model.money.Money;

import java.util.Currency;
import java.util.UUID;

/**
 * One entry of the usage log (claims 2 and 12), added and never changed (a trigger refuses updates and deletes). A
 * medium appears only as its token. At the till, the medium type and channel are the coupon's own (the medium and
 * channel it was acquired on), so a campaign's figures line up from acquisition to use. Written by {@link UsageLog}
 * only, with the time it happened.
 */
public final class UsageEvent {

    private final UsageEventType type;
    private final UUID campaignId;
    private final UUID couponId;
    private final UUID searchId;
    private final UUID reservationId;
    private final String cardToken;
    private final String mediumType;
    private final String channel;
    private final Till till;
    private final Currency currency;
    private final Long amountMinor;
    private final Long discountMinor;
    private final Integer matchedCount;

    public UsageEvent(UsageEventType type, UUID campaignId, UUID couponId, UUID searchId, UUID reservationId,
            String cardToken, String mediumType, String channel, Till till, Money amount, Money discount,
            Integer matchedCount) {
        this.type = type;
        this.campaignId = campaignId;
        this.couponId = couponId;
        this.searchId = searchId;
        this.reservationId = reservationId;
        this.cardToken = cardToken;
        this.mediumType = mediumType;
        this.channel = channel;
        this.till = till;
        this.currency = amount != null ? amount.currency() : discount == null ? null : discount.currency();
        this.amountMinor = amount == null ? null : amount.amountMinor();
        this.discountMinor = discount == null ? null : discount.amountMinor();
        this.matchedCount = matchedCount;
    }

    public UsageEventType type() {
        return type;
    }

    public UUID campaignId() {
        return campaignId;
    }

    public UUID couponId() {
        return couponId;
    }

    public UUID searchId() {
        return searchId;
    }

    public UUID reservationId() {
        return reservationId;
    }

    public String cardToken() {
        return cardToken;
    }

    public String mediumType() {
        return mediumType;
    }

    public String channel() {
        return channel;
    }

    public Till till() {
        return till;
    }

    public Currency currency() {
        return currency;
    }

    public Money amount() {
        return amountMinor == null ? null : new Money(amountMinor, currency);
    }

    public Money discount() {
        return discountMinor == null ? null : new Money(discountMinor, currency);
    }

    public Integer matchedCount() {
        return matchedCount;
    }
}
