package com.cardcoupons.registration.acquisition;

import com.cardcoupons.registration.coupon.CouponCode;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How coupons are minted: the length of their codes (16 to 32 characters, 20 by default: 100 random bits). */
@ConfigurationProperties("coupons.registration.acquisition")
public record AcquisitionProperties(Integer couponCodeLength) {

    public AcquisitionProperties {
        couponCodeLength = couponCodeLength == null ? 20 : couponCodeLength;
        if (couponCodeLength < CouponCode.MIN_LENGTH || couponCodeLength > CouponCode.MAX_LENGTH) {
            throw new IllegalArgumentException("coupons.registration.acquisition.coupon-code-length must be between "
                    + CouponCode.MIN_LENGTH + " and " + CouponCode.MAX_LENGTH);
        }
    }
}
