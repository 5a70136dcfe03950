package com.cardcoupons.settlementcenter;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** An amount in the minor unit of an ISO 4217 currency, as the acquirer protocol carries it. */
public record Amount(@Positive long amountMinor, @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {

    @Override
    public String toString() {
        return amountMinor + " " + currency;
    }
}
