/** The coupons a usage medium carries, their terms, and the rules that decide whether and how they apply to a purchase. */
package com.cardcoupons.couponserver.coupon;
