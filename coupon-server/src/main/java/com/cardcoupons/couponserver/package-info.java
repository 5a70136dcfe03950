/** Finds the coupons a usage medium carries for an intended use, approves their use, accumulates usage and prints coupons. */
package com.cardcoupons.couponserver;
