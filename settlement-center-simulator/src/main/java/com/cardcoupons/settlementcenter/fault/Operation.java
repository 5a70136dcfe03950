package com.cardcoupons.settlementcenter.fault;

/** The messages a fault rule can apply to: 0800 network management, 0100 authorizations, and 0400/0420/0421 reversals. */
public enum Operation {
    NETWORK_MANAGEMENT, AUTHORIZE, REVERSE
}
