package com.cardcoupons.registration.wallet;

import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.problem.DomainException;

/** The holder cancels a coupon, proving they hold it by the medium it is on. */
record Cancellation(String couponCode, UsageMediumId medium) {

    Cancellation {
        if (couponCode == null || couponCode.isBlank()) {
            throw DomainException.invalid("FIELD_REQUIRED", "couponCode", "couponCode is required");
        }
        if (medium == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "medium", "medium is required");
        }
    }
}
