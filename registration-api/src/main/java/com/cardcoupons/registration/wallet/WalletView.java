package com.cardcoupons.registration.wallet;

import com.cardcoupons.registration.coupon.CouponView;

import java.util.List;

/** The coupons a medium holds, newest first, each with its state. */
record WalletView(CouponView.MediumView medium, List<CouponView> coupons) {
}
