package com.cardcoupons.relay.payment;

import com.cardcoupons.model.problem.DomainException;

/** No such payment, or not one the caller may see. */
class PaymentNotFound extends DomainException {

    PaymentNotFound() {
        super(Kind.NOT_FOUND, "PAYMENT_NOT_FOUND", null, "no such payment");
    }
}
