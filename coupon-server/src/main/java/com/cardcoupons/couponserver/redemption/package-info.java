/** Approves the use of coupons for a purchase: reserve, confirm, release, expire and reverse, never beyond a coupon's uses. */
package com.cardcoupons.couponserver.redemption;
