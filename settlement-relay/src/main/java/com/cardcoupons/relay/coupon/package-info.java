/** Coupon-server on the terminal's behalf: the search under a strict time budget, and the two-phase use of a discount. */
package com.cardcoupons.relay.coupon;
