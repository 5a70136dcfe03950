package com.cardcoupons.model.terminal;

import com.cardcoupons.model.money.Money;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One line of the basket at the till: a SKU in a product category, its quantity and its unit price. */
public record BasketLine(
        @NotBlank @Size(max = 64) String sku,
        @Size(max = 64) String category,
        @Positive @Max(100_000) int quantity,
        @NotNull Money unitPrice) {

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
