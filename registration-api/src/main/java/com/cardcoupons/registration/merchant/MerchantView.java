package com.cardcoupons.registration.merchant;

import java.time.Instant;
import java.util.UUID;

/** A merchant as the API answers it. */
record MerchantView(UUID id, String name, MerchantStatus status, Instant createdAt, Instant updatedAt, Instant closedAt,
                    String closeReason) {

    static MerchantView of(Merchant merchant) {
        return new MerchantView(merchant.id(), merchant.name(), merchant.status(), merchant.createdAt(),
                merchant.updatedAt(), merchant.closedAt(), merchant.closeReason());
    }
}
