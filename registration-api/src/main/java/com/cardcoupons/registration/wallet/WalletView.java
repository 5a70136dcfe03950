package com.cardcoupons.registration.wallet;

import com.cardcoupons.registration.coupon.CouponView;

import java.util.List;

/**
 * The coupons a medium holds, newest first, each with its state, a page at a time; {@code hasMore} says older ones
 * exist beyond them, which a lookup {@code olderThan} the last coupon's code shows.
 */
record WalletView(CouponView.MediumView medium, List<CouponView> coupons, boolean hasMore) {
}
