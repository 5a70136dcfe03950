package com.cardcoupons.couponserver.printing;

/**
 * Thermal receipt paper, by the width the printer can print on at 203 dpi (8 dots per millimetre): 48 mm of a
 * 58 mm roll, 72 mm of an 80 mm roll.
 */
enum Paper {
    MM_58(384),
    MM_80(576);

    static final int DOTS_PER_INCH = 203;

    private final int printableDots;

    Paper(int printableDots) {
        this.printableDots = printableDots;
    }

    int printableDots() {
        return printableDots;
    }
}
