package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;

import java.util.UUID;

/**
 * An authorization the relay sent for a payment, as the settlement center knows it ({@code trace}), and its answer; no
 * answer means it may have been approved.
 */
public record SentAuthorization(UUID authorizationId, AuthorizationLeg leg, Money amount, MessageTrace trace,
        AuthorizationAnswer answer) {

    public static SentAuthorization unanswered(UUID authorizationId, AuthorizationLeg leg, Money amount, MessageTrace trace) {
        return new SentAuthorization(authorizationId, leg, amount, trace, null);
    }

    public boolean approved() {
        return answer instanceof AuthorizationAnswer.Approved;
    }

    public boolean declined() {
        return answer instanceof AuthorizationAnswer.Declined;
    }

    public boolean unanswered() {
        return answer == null;
    }

    public String authorizationCode() {
        return answer instanceof AuthorizationAnswer.Approved approved ? approved.authorizationCode() : null;
    }
}
