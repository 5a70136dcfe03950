package com.cardcoupons.registration.wallet;

import com.cardcoupons.registration.coupon.CouponView;

import java.util.List;

/**
 * The coupons a medium holds, newest first, each with its state. A wallet shows the most recent ones;
 * {@code hasMore} says older ones exist beyond them.
 */
record WalletView(CouponView.MediumView medium, List<CouponView> coupons, boolean hasMore) {
}
