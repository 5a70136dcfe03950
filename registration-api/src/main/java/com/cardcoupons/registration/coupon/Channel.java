package com.cardcoupons.registration.coupon;

import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.platform.identity.CallerIdentity;

/** The consumer channel a coupon was acquired from (claims 3 and 13), as the gateway verified it. */
public enum Channel {
    MOBILE_APP, WEB, DIGITAL_BROADCAST;

    /** The caller's channel; a credential naming none of the three is refused. */
    public static Channel of(CallerIdentity caller) {
        for (Channel channel : values()) {
            if (channel.name().equals(caller.channel())) {
                return channel;
            }
        }
        throw new DomainException(DomainException.Kind.FORBIDDEN, "UNKNOWN_CHANNEL", null,
                "the caller's credential names no consumer channel this service knows");
    }
}
