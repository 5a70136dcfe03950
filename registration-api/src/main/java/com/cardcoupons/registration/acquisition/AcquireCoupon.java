package com.cardcoupons.registration.acquisition;

import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.problem.DomainException;

import java.util.UUID;

/**
 * A mobile app's or web page's request: a coupon of this campaign on this medium, e.g.
 * {@code {"campaignId":"…","medium":{"type":"CREDIT","cardNumber":"4111 1111 1111 1111"}}}.
 */
record AcquireCoupon(UUID campaignId, UsageMediumId medium) {

    static final AcquisitionFields FIELDS = new AcquisitionFields("campaignId", "medium", "medium");

    AcquireCoupon {
        if (campaignId == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "campaignId", "campaignId is required");
        }
        if (medium == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "medium", "medium is required");
        }
    }
}
