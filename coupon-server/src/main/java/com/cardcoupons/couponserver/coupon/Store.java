package com.cardcoupons.couponserver.coupon;

import java.time.ZoneId;
import java.util.UUID;

/** A merchant's store, with the merchant category code (MCC) campaigns may be restricted to. */
public record Store(UUID id, UUID merchantId, String code, String name, String mcc, ZoneId timeZone) {
}
