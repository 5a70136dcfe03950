package com.cardcoupons.relay.settlement;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.card.PresentedCard;

import java.util.UUID;

/**
 * One authorization request. {@code authorizationId} is chosen by the relay and unique per message, so the
 * authorization can be reversed by it alone, even when its answer never came.
 */
public record AuthorizationMessage(UUID authorizationId, UUID merchantId, UUID terminalId, PresentedCard card, Money amount) {
}
