package com.cardcoupons.model.terminal;

import com.cardcoupons.model.medium.UsageMediumId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Holds coupons for a purchase in a payment flow (the first phase of a two-phase use), or uses them at once.
 * The terminal's transaction id ties the use to the purchase. {@code medium} is the card presented; it is absent
 * only when the coupon is redeemed by the code scanned from its printed barcode.
 */
public record ReservationRequest(
        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String transactionId,
        @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 64) String> couponCodes,
        UsageMediumId medium,
        @NotNull @Valid IntendedUse intendedUse) {
}
