package com.cardcoupons.couponserver.printing;

/** What a printed coupon slip says: whose coupon, what it does, until when, and its code. */
record SlipContent(String merchantName, String title, String offer, String validUntil, String code, int usesLeft,
                   int usesAllowed) {
}
