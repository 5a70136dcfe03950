package com.cardcoupons.registration.webhook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events a merchant can subscribe an endpoint to, by their names on the wire, with the service that records each
 * (docs/merchant-operations.md).
 */
public enum EventType {
    /** A campaign or a new version of its terms was submitted for approval (registration-api). */
    CAMPAIGN_SUBMITTED("campaign.submitted"),
    CAMPAIGN_APPROVED("campaign.approved"),
    CAMPAIGN_REJECTED("campaign.rejected"),
    CAMPAIGN_SUSPENDED("campaign.suspended"),
    CAMPAIGN_ENDED("campaign.ended"),
    /** A coupon was acquired on a usage medium (registration-api). */
    COUPON_ACQUIRED("coupon.acquired"),
    /** A coupon was used at a till (coupon-server's usage log). */
    COUPON_USED("coupon.used"),
    /** A confirmed use was voided or refunded (coupon-server's usage log). */
    COUPON_USE_REVERSED("coupon.use_reversed"),
    /** A campaign-wide limit of a campaign's budget ran out (coupon-server's usage log, in the statement of the use). */
    CAMPAIGN_BUDGET_EXHAUSTED("campaign.budget_exhausted"),
    /** A card payment was approved with a coupon's discount applied (settlement-relay's journal). */
    PAYMENT_COUPON_APPLIED("payment.coupon_applied");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
