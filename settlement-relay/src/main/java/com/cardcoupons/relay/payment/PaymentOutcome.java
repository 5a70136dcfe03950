package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.relay.coupon.AppliedCoupon;
import com.cardcoupons.relay.coupon.FoundBenefit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to the terminal (claim 18): approved, declined or timed out; the authorization code; the original and
 * the charged amounts; the coupons applied; the benefits and tickets to honour; and the lines to print on the receipt.
 * The same answer is given to every retry of the transaction; {@code lateCoupon}, once decided, says what a coupon
 * search that answered after the approval did to the amount the card finally holds.
 */
public record PaymentOutcome(
        UUID paymentId,
        String transactionId,
        PaymentResult result,
        String message,
        String authorizationCode,
        Decline decline,
        Money originalAmount,
        Money chargedAmount,
        CouponResult coupon,
        List<FoundBenefit> benefits,
        CardOnReceipt card,
        List<String> receipt,
        Instant answeredAt,
        LateCoupon lateCoupon) {

    public PaymentOutcome {
        benefits = benefits == null ? List.of() : List.copyOf(benefits);
        receipt = receipt == null ? List.of() : List.copyOf(receipt);
    }

    /** An answer with the message and the receipt lines that go with it. */
    static PaymentOutcome of(UUID paymentId, String transactionId, PaymentResult result, String authorizationCode,
            Decline decline, Money originalAmount, Money chargedAmount, CouponResult coupon, List<FoundBenefit> benefits,
            CardOnReceipt card, Instant answeredAt) {
        PaymentOutcome outcome = new PaymentOutcome(paymentId, transactionId, result, message(result, coupon.status()),
                authorizationCode, decline, originalAmount, chargedAmount, coupon, benefits, card, List.of(), answeredAt, null);
        return new PaymentOutcome(paymentId, transactionId, result, outcome.message(), authorizationCode, decline,
                originalAmount, chargedAmount, coupon, benefits, card, Receipt.lines(outcome), answeredAt, null);
    }

    /** The answer as the payment's status shows it later: with what a late coupon search did, or not. */
    PaymentOutcome withLateCoupon(LateCoupon late) {
        return new PaymentOutcome(paymentId, transactionId, result, message, authorizationCode, decline, originalAmount,
                chargedAmount, coupon, benefits, card, receipt, answeredAt, late);
    }

    private static String message(PaymentResult result, CouponStatus coupons) {
        return switch (result) {
            case DECLINED -> "Declined by the card issuer; nothing is charged.";
            case REFERRED -> "Referred to the card issuer: call the issuer for a voice authorization; nothing is charged.";
            case SYSTEM_ERROR -> "The card settlement center could not process the payment; nothing is charged. Start a"
                    + " new transaction to try again.";
            case TIMED_OUT -> "The card settlement center did not answer in time; nothing is charged and any"
                    + " authorization is being reversed. Start a new transaction to try again.";
            case APPROVED -> switch (coupons) {
                case APPLIED -> "Approved at the discounted price.";
                case UNAVAILABLE -> "Approved at full price; coupons were unavailable.";
                case NOT_APPLIED -> "Approved at full price; the discount could not be applied.";
                case NONE -> "Approved.";
            };
        };
    }

    /** Why the issuer declined: the network's response code and, when it gave one, its meaning. */
    public record Decline(String responseCode, String reason) {
    }

    /** The coupons' part: applied, none, unavailable or not applied (with why), and what they took off. */
    public record CouponResult(CouponStatus status, String reason, List<AppliedCoupon> applied, Money totalDiscount) {

        public CouponResult {
            applied = applied == null ? List.of() : List.copyOf(applied);
        }
    }

    /** The card as it may be printed: its type, brand and last four digits. */
    public record CardOnReceipt(MediumType type, CardBrand brand, String lastFour) {
    }
}
