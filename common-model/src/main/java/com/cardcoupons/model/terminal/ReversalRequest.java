package com.cardcoupons.model.terminal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Undoes a confirmed use of coupons, giving their uses back: a void (the purchase is cancelled) or a refund (goods
 * returned). {@code couponCodes} names the coupons to reverse; absent or empty reverses every coupon of the use.
 */
public record ReversalRequest(
        @NotNull ReversalType type,
        @Size(max = 500) String reason,
        @Size(max = 10) List<@NotBlank @Size(max = 64) String> couponCodes) {

    public ReversalRequest {
        // not List.copyOf: a null element must reach Bean Validation, which names it, rather than fail here
        couponCodes = couponCodes == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(couponCodes));
    }

    /** Why a confirmed use is undone. */
    public enum ReversalType {
        VOID, REFUND
    }
}
