package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.money.Money;

import java.util.UUID;

/** Undoes an authorization for its full amount. It carries no card number, so it can wait in the outbox. */
public record ReversalMessage(UUID authorizationId, Money amount) {
}
