package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.money.Money;

import java.util.List;
import java.util.UUID;

/** The first phase of using the discount: the coupons held for this payment at coupon-server, or why not. */
public sealed interface CouponHold {

    /**
     * Held until confirmed or released; {@code payable} is what the second authorization would ask for. Coupon-server
     * computed it, so the payment still checks it lowers the amount before using it.
     */
    record Held(UUID reservationId, List<AppliedCoupon> coupons, Money totalDiscount, Money payable) implements CouponHold {

        public Held {
            coupons = List.copyOf(coupons);
        }

        public List<String> codes() {
            return coupons.stream().map(AppliedCoupon::code).toList();
        }
    }

    /** Not held: coupon-server refused (used up meanwhile, for example) or could not answer. */
    record NotHeld(String reason, String detail) implements CouponHold {
    }
}
