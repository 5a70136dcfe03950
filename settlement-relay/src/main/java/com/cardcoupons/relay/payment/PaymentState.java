package com.cardcoupons.relay.payment;

/** Where a payment stands: in progress, or answered with one of the results the terminal can be told. */
enum PaymentState {
    IN_PROGRESS, APPROVED, DECLINED, REFERRED, SYSTEM_ERROR, TIMED_OUT;

    static PaymentState of(PaymentResult result) {
        return valueOf(result.name());
    }
}
