package com.cardcoupons.settlementcenter.fault;

/** The messages a fault rule can apply to. */
public enum Operation {
    AUTHORIZE, REVERSE
}
