package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.card.PresentedCard;

import java.util.UUID;

/**
 * One authorization request (0100). {@code authorizationId} is the relay's own name for it, in its journal and
 * outbox; the settlement center knows it by its {@code trace}, which its reversal names even when no answer came.
 */
public record AuthorizationMessage(UUID authorizationId, MessageTrace trace, PresentedCard card, Money amount) {
}
