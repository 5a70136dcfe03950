package com.cardcoupons.platform.identity;

import com.cardcoupons.model.problem.DomainException;

import java.util.Objects;
import java.util.UUID;

/**
 * A caller as the gateway verified it. Terminals carry their merchant, store and terminal; merchants their
 * merchant; consumer channels their channel (MOBILE_APP, WEB or DIGITAL_BROADCAST).
 */
public record CallerIdentity(String principal, Role role, UUID merchantId, UUID storeId, UUID terminalId, String channel) {

    public CallerIdentity {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(role, "role");
        if (role == Role.TERMINAL && (merchantId == null || storeId == null || terminalId == null)) {
            throw new IllegalArgumentException("a terminal is bound to a merchant, a store and a terminal id");
        }
        if (role == Role.MERCHANT && merchantId == null) {
            throw new IllegalArgumentException("a merchant caller is bound to a merchant");
        }
        if (role == Role.CONSUMER_CHANNEL && channel == null) {
            throw new IllegalArgumentException("a consumer channel caller names its channel");
        }
    }

    public static CallerIdentity terminal(String principal, UUID merchantId, UUID storeId, UUID terminalId) {
        return new CallerIdentity(principal, Role.TERMINAL, merchantId, storeId, terminalId, null);
    }

    public static CallerIdentity merchant(String principal, UUID merchantId) {
        return new CallerIdentity(principal, Role.MERCHANT, merchantId, null, null, null);
    }

    public static CallerIdentity approver(String principal) {
        return new CallerIdentity(principal, Role.APPROVER, null, null, null, null);
    }

    public static CallerIdentity consumerChannel(String principal, String channel) {
        return new CallerIdentity(principal, Role.CONSUMER_CHANNEL, null, null, null, channel);
    }

    public boolean is(Role expected) {
        return role == expected;
    }

    /** Refuses, as a 403 with a stable code, a merchant caller acting for another merchant. */
    public void requireMerchant(UUID merchant) {
        if (role == Role.MERCHANT && !merchantId.equals(merchant)) {
            throw new DomainException(DomainException.Kind.FORBIDDEN, "OTHER_MERCHANT",
                    null, "this belongs to another merchant");
        }
    }
}
