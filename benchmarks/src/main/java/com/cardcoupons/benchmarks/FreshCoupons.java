package com.cardcoupons.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The seeded coupons no load has used yet, handed out once each across every redemption load of a run, so the load
 * through the gateway does not meet the coupons the load at the service already used.
 */
final class FreshCoupons {

    private final Dataset dataset;
    private final int coupons;
    private final AtomicInteger next = new AtomicInteger();

    FreshCoupons(Dataset dataset, int coupons) {
        this.dataset = dataset;
        this.coupons = coupons;
    }

    /** The next fresh coupon, or -1 when every coupon was handed out. */
    int next() {
        int coupon = next.getAndIncrement();
        return coupon < coupons ? coupon : -1;
    }

    /** The next fresh coupon of this merchant's campaigns; the others it passes over stay unused. */
    int nextOfMerchant(int merchant) {
        int coupon;
        do {
            coupon = next();
        } while (coupon >= 0 && merchantOf(coupon) != merchant);
        return coupon;
    }

    int merchantOf(int coupon) {
        return Dataset.merchantOf(dataset.campaignOf(coupon));
    }

    int cardOf(int coupon) {
        return dataset.cardOf(coupon);
    }
}
