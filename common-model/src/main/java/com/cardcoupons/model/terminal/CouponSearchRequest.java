package com.cardcoupons.model.terminal;

import com.cardcoupons.model.medium.UsageMediumId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A reception terminal's question (claim 1): which coupons carried by this medium are usable for this intended use?
 * {@code explain} asks for the medium's coupons that did not match, each with its reasons, for support staff.
 */
public record CouponSearchRequest(@NotNull UsageMediumId medium, @NotNull @Valid IntendedUse intendedUse, boolean explain) {
}
