package com.cardcoupons.settlementcenter.authorization;

import com.cardcoupons.settlementcenter.Amount;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Undoes an authorization, named by the id it was sent with, for its full amount. It needs no card number, so a
 * sender can keep a reversal pending without keeping the card. Sending it again is harmless.
 */
public record ReversalRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,64}") String authorizationId,
        @NotNull @Valid Amount amount) {
}
