package com.cardcoupons.couponserver.coupon;

import com.cardcoupons.platform.identity.CallerIdentity;

import java.util.UUID;

/**
 * The reception terminal making a call, as the gateway verified it: bound to one merchant and one store. Stored as
 * the {@code merchant_id}, {@code store_id} and {@code terminal_id} of what happened there.
 */
public record Till(UUID merchantId, UUID storeId, UUID terminalId) {

    /** The calling terminal; only handlers that permit the TERMINAL role call this. */
    public static Till of(CallerIdentity caller) {
        return new Till(caller.merchantId(), caller.storeId(), caller.terminalId());
    }
}
