package com.cardcoupons.relay.coupon;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.model.terminal.CouponSearchResponse;
import com.cardcoupons.model.terminal.CouponSearchResponse.UsableCoupon;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the coupon search found for the payment: the discount coupons of the best combination with the amount
 * payable after them, and the benefits and tickets that come along. Or that coupon-server could not say in time.
 */
public record CouponOffer(
        boolean available,
        String unavailableReason,
        List<String> discountCodes,
        Money totalDiscount,
        Money payable,
        List<FoundBenefit> benefits,
        Duration elapsed) {

    public CouponOffer {
        discountCodes = List.copyOf(discountCodes);
        benefits = List.copyOf(benefits);
    }

    public static CouponOffer unavailable(String reason, Duration elapsed) {
        return new CouponOffer(false, reason, List.of(), null, null, List.of(), elapsed);
    }

    /**
     * Reads a search answer for a purchase of {@code amount}. The discount is taken from the best combination,
     * keeping only its discount coupons, and only if it lowers the amount without reaching zero, in its currency:
     * anything else is no discount for the relay to apply.
     */
    public static CouponOffer of(CouponSearchResponse response, Money amount, Duration elapsed) {
        List<UsableCoupon> usable = response.usable() == null ? List.of() : response.usable();
        List<FoundBenefit> benefits = usable.stream()
                .filter(coupon -> coupon.kind() == CouponKind.BENEFIT || coupon.kind() == CouponKind.TICKET)
                .map(coupon -> new FoundBenefit(coupon.code(), coupon.title(), coupon.kind(),
                        coupon.effect() == null ? null : coupon.effect().grant()))
                .toList();
        CouponSearchResponse.Combination best = response.bestCombination();
        if (best == null || best.couponCodes() == null || best.payable() == null || best.totalDiscount() == null
                || !best.payable().sameCurrencyAs(amount) || best.payable().isZero() || !amount.isAtLeast(best.payable())
                || best.payable().equals(amount)) {
            return new CouponOffer(true, null, List.of(), null, null, benefits, elapsed);
        }
        Map<String, UsableCoupon> byCode = usable.stream()
                .collect(Collectors.toMap(UsableCoupon::code, Function.identity(), (first, second) -> first));
        List<String> discounts = best.couponCodes().stream()
                .filter(code -> byCode.containsKey(code) && byCode.get(code).kind() == CouponKind.DISCOUNT)
                .toList();
        if (discounts.isEmpty()) {
            return new CouponOffer(true, null, List.of(), null, null, benefits, elapsed);
        }
        return new CouponOffer(true, null, discounts, best.totalDiscount(), best.payable(), benefits, elapsed);
    }

    public boolean hasDiscount() {
        return available && !discountCodes.isEmpty();
    }
}
