package com.cardcoupons.relay.outbox;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.settlement.AuthorizationLeg;

import java.util.UUID;

/**
 * A follow-up claimed for sending: a reversal names its authorization, leg and amount; a coupon follow-up its
 * reservation. {@code terminal} is the terminal the payment came from, on whose behalf coupon-server is called.
 */
public record FollowUp(UUID id, UUID paymentId, FollowUpAction action, UUID authorizationId, AuthorizationLeg leg,
        Money amount, UUID reservationId, int attempt, CallerIdentity terminal) {
}
