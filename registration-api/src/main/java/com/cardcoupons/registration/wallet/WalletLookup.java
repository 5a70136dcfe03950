package com.cardcoupons.registration.wallet;

import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.problem.DomainException;

/**
 * Which medium's wallet to show; in the body, because a card number never goes into a URL. A page holds up to
 * {@code limit} coupons (200 when not given); {@code olderThan}, the code of the last coupon a previous page showed,
 * asks for the page after it.
 */
record WalletLookup(UsageMediumId medium, Integer limit, String olderThan) {

    static final int MAX_LIMIT = 200;

    WalletLookup {
        if (medium == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "medium", "medium is required");
        }
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw DomainException.invalid("LIMIT_OUT_OF_RANGE", "limit", "limit is from 1 to " + MAX_LIMIT);
        }
    }
}
