package com.cardcoupons.registration.merchant;

import java.time.Instant;
import java.util.UUID;

/** A store as the API answers it; {@code address} is absent only for stores onboarded before addresses were kept. */
record StoreView(UUID id, UUID merchantId, String code, String name, Address address, String timeZone, String mcc,
                 Instant createdAt, Instant updatedAt) {

    static StoreView of(Store store) {
        return new StoreView(store.id(), store.merchantId(), store.code(), store.name(), store.address(),
                store.timeZone(), store.mcc(), store.createdAt(), store.updatedAt());
    }
}
