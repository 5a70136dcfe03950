package com.cardcoupons.gateway.credential;

/** Where a consumer acquires coupons from (claims 3 and 13). */
public enum ConsumerChannel {
    MOBILE_APP,
    WEB,
    DIGITAL_BROADCAST
}
