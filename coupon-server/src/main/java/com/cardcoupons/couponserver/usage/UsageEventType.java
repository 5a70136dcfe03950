package com.cardcoupons.couponserver.usage;

/** What happened, as recorded in {@code usage_event}. */
public enum UsageEventType {
    ACQUIRED, CANCELLED, SEARCHED, MATCHED, RESERVED, CONFIRMED, RELEASED, EXPIRED, REVERSED
}
