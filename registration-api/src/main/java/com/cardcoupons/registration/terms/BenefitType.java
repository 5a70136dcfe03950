package com.cardcoupons.registration.terms;

/** What a benefit grants without changing the amount payable. */
public enum BenefitType {
    FREE_ITEM(false),
    EXTRA_POINTS(true),
    EXTRA_MILES(true),
    SERVICE(false);

    private final boolean counted;

    BenefitType(boolean counted) {
        this.counted = counted;
    }

    /** Extra points and miles are a number of points, which the benefit must state. */
    public boolean isCounted() {
        return counted;
    }
}
