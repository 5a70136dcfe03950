package com.cardcoupons.model.medium;

/** The kinds of usage medium a coupon can be carried on (claims 7 and 17). */
public enum MediumType {
    CREDIT(true),
    DEBIT(true),
    POINT(false),
    MILEAGE(false);

    private final boolean paymentCard;

    MediumType(boolean paymentCard) {
        this.paymentCard = paymentCard;
    }

    /** Payment cards are identified by a PAN; loyalty cards by a member number within a program. */
    public boolean isPaymentCard() {
        return paymentCard;
    }
}
