package com.cardcoupons.benchmarks;

import java.util.function.IntFunction;

/**
 * The tills a load speaks as, by merchant: the first till of every seeded merchant, or only the bench till (merchant
 * 0's) when the harness was given one fixed credential. The search load uses the bench till.
 */
final class Tills implements AutoCloseable {

    private final Target[] byMerchant;

    private Tills(Target[] byMerchant) {
        this.byMerchant = byMerchant;
    }

    static Tills firstOfEachMerchant(IntFunction<Target> tillOf) {
        Target[] tills = new Target[Dataset.MERCHANTS];
        for (int merchant = 0; merchant < tills.length; merchant++) {
            tills[merchant] = tillOf.apply(merchant);
        }
        return new Tills(tills);
    }

    static Tills only(Target bench) {
        Target[] tills = new Target[Dataset.MERCHANTS];
        tills[0] = bench;
        return new Tills(tills);
    }

    Target bench() {
        return byMerchant[0];
    }

    boolean has(int merchant) {
        return byMerchant[merchant] != null;
    }

    Target of(int merchant) {
        return byMerchant[merchant];
    }

    @Override
    public void close() {
        for (Target till : byMerchant) {
            if (till != null) {
                till.close();
            }
        }
    }
}
