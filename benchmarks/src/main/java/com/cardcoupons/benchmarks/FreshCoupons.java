package com.cardcoupons.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

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

    /** The next fresh coupon of a merchant the load can redeem for, or -1; the others it passes over stay unused. */
    int next(IntPredicate merchants) {
        for (int coupon = next.getAndIncrement(); coupon < coupons; coupon = next.getAndIncrement()) {
            if (merchants.test(merchantOf(coupon))) {
                return coupon;
            }
        }
        return -1;
    }

    int merchantOf(int coupon) {
        return Dataset.merchantOf(dataset.campaignOf(coupon));
    }

    int cardOf(int coupon) {
        return dataset.cardOf(coupon);
    }
}
