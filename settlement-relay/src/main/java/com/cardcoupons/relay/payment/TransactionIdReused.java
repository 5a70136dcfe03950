package com.cardcoupons.relay.payment;

import com.cardcoupons.model.problem.DomainException;

/** The terminal's transaction id was used before for a different payment (another card, amount or basket). */
class TransactionIdReused extends DomainException {

    TransactionIdReused() {
        super(Kind.UNPROCESSABLE, "TRANSACTION_ID_REUSED", "transactionId",
                "this terminal already used this transaction id for a different payment");
    }
}
