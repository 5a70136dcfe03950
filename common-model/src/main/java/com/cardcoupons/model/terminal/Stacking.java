package com.cardcoupons.model.terminal;

/** Whether a coupon may be used together with other coupons in one purchase. */
public enum Stacking {
    STACKABLE,
    EXCLUSIVE
}
