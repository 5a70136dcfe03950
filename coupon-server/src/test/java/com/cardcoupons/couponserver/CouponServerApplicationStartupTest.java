package com.cardcoupons.couponserver;

import com.cardcoupons.testsupport.IsolatedDatabase;
import com.cardcoupons.testsupport.PlatformServiceStartupContract;

@IsolatedDatabase
class CouponServerApplicationStartupTest extends PlatformServiceStartupContract {

    CouponServerApplicationStartupTest() {
        super("coupon-server");
    }
}
