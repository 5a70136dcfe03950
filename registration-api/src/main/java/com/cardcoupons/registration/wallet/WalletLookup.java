package com.cardcoupons.registration.wallet;

import com.cardcoupons.model.medium.UsageMediumId;
import com.cardcoupons.model.problem.DomainException;

/** Which medium's wallet to show; in the body, because a card number never goes into a URL. */
record WalletLookup(UsageMediumId medium) {

    WalletLookup {
        if (medium == null) {
            throw DomainException.invalid("FIELD_REQUIRED", "medium", "medium is required");
        }
    }
}
