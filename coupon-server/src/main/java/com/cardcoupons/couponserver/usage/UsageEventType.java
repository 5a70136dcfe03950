package com.cardcoupons.couponserver.usage;

/**
 * What happened, as recorded in {@code usage_event}. {@link #BUDGET_EXHAUSTED} is appended by the use's own statement
 * ({@link UsageLog#insertExhaustions}), never as a {@link UsageEvent}.
 */
public enum UsageEventType {
    ACQUIRED, CANCELLED, SEARCHED, MATCHED, RESERVED, CONFIRMED, RELEASED, EXPIRED, REVERSED, BUDGET_EXHAUSTED
}
