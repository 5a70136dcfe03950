package com.cardcoupons.model.terminal;

import com.cardcoupons.model.money.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the card is about to be used for (claim 1): where, how much, which items, and when. The merchant, store and
 * terminal must be the ones the calling terminal is bound to.
 */
public record IntendedUse(
        @NotNull UUID merchantId,
        @NotNull UUID storeId,
        @NotNull UUID terminalId,
        @NotNull Money amount,
        @Valid @Size(max = 500) List<BasketLine> basket,
        Instant occurredAt) {

    public IntendedUse {
        basket = basket == null ? List.of() : List.copyOf(basket);
    }
}
