package com.cardcoupons.model.terminal;

import com.cardcoupons.model.medium.UsageMediumId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A reception terminal's question (claim 1): which coupons carried by this medium are usable for this intended use?
 * {@code explain} (optional, false when absent) asks for the medium's coupons that did not match, each with its
 * reasons, for support staff.
 */
public record CouponSearchRequest(@NotNull UsageMediumId medium, @NotNull @Valid IntendedUse intendedUse, Boolean explain) {

    public CouponSearchRequest {
        explain = Boolean.TRUE.equals(explain);
    }
}
