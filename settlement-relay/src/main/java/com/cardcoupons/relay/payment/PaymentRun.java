package com.cardcoupons.relay.payment;

import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.coupon.FoundBenefit;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One run of a payment's flow and the rules that settle it (claims 9 and 19). It learns, in this order, the answer to
 * the full-amount authorization and what the coupon search found; then, only if the full amount was approved and a
 * discount was found, the hold of the coupons and the answer to the authorization at the discounted price the search
 * proposed, which were asked at the same moment. From that it decides, in {@link #settle}, what the terminal is told
 * and what must be undone, so that the card ends up charged exactly what the terminal was told: the discounted price
 * if its authorization was approved and the coupons are held for that very price, else the full price, else nothing.
 * A coupon is confirmed only when the discounted price stands, and released otherwise. It lives in memory for one
 * request; what it decides is recorded on the {@link Payment}.
 */
final class PaymentRun {

    private final Payment payment;
    private final List<BasketLine> basket;

    private SentAuthorization fullAmount;
    private CouponOffer offer;
    private CouponHold hold;
    private SentAuthorization discounted;

    PaymentRun(Payment payment, List<BasketLine> basket) {
        this.payment = payment;
        this.basket = List.copyOf(basket);
    }

    /** What the coupon search and reservation are asked about. */
    IntendedUse intendedUse() {
        CallerIdentity terminal = payment.terminal();
        return new IntendedUse(terminal.merchantId(), terminal.storeId(), terminal.terminalId(), payment.amount(), basket,
                payment.receivedAt());
    }

    void fullAmountAnswered(SentAuthorization authorization) {
        require(fullAmount == null, "the full amount was already authorized");
        require(authorization.leg() == AuthorizationLeg.FULL_AMOUNT && authorization.amount().equals(payment.amount()),
                "the first authorization is for the full amount");
        fullAmount = authorization;
    }

    void couponsFound(CouponOffer found) {
        require(offer == null, "the coupon search already answered");
        offer = found;
    }

    /**
     * The price to authorize second, at the same moment as the coupons are held: what the search's best combination
     * leaves to pay. Only when the full amount is approved and the search found a discount ({@link CouponOffer#of}
     * keeps only discounts that lower the amount without reaching zero).
     */
    Optional<Money> discountedAmount() {
        boolean worthIt = fullAmount != null && fullAmount.approved() && offer != null && offer.hasDiscount();
        return worthIt ? Optional.of(offer.payable()) : Optional.empty();
    }

    void couponsHeld(CouponHold held) {
        require(discountedAmount().isPresent() && hold == null,
                "coupons are held only for an approved payment with a discount found, once");
        hold = held;
    }

    void discountedAmountAnswered(SentAuthorization authorization) {
        require(discounted == null, "the discounted price was already authorized");
        require(authorization.leg() == AuthorizationLeg.DISCOUNTED
                        && discountedAmount().map(authorization.amount()::equals).orElse(false),
                "the second authorization is for the discounted price");
        discounted = authorization;
    }

    /** The discount stands only if its authorization was approved and the coupons are held for that same price. */
    private boolean discountStands() {
        return discounted != null && discounted.approved() && hold instanceof CouponHold.Held held
                && discounted.amount().equals(held.payable());
    }

    /**
     * Decides the payment's end; see {@link Settlement}. The discounted authorization stands if it was approved, else
     * the full-amount one if it was; every other authorization that may hold funds is reversed.
     */
    Settlement settle(Instant now) {
        require(fullAmount != null && offer != null, "a payment settles once both legs have answered");
        SentAuthorization standing;
        PaymentOutcome outcome;
        if (fullAmount.approved() && discountStands()) {
            standing = discounted;
            outcome = outcome(PaymentResult.APPROVED, discounted, discounted.amount(), now);
        } else if (fullAmount.approved()) {
            standing = fullAmount;
            outcome = outcome(PaymentResult.APPROVED, fullAmount, payment.amount(), now);
        } else {
            standing = null;
            outcome = outcome(notApproved(), null, zero(), now);
        }
        List<SentAuthorization> sent = discounted == null ? List.of(fullAmount) : List.of(fullAmount, discounted);
        return new Settlement(outcome, standing,
                sent.stream().filter(authorization -> authorization != standing && !authorization.declined()).toList(),
                sent.stream().filter(SentAuthorization::declined).toList(),
                hold instanceof CouponHold.Held held ? held.reservationId() : null,
                standing != null && standing == discounted);
    }

    /** What a first authorization that was not approved tells the terminal: its response code's outcome, or no answer. */
    private PaymentResult notApproved() {
        if (!(fullAmount.answer() instanceof AuthorizationAnswer.Declined declined)) {
            return PaymentResult.TIMED_OUT;
        }
        return switch (declined.outcome()) {
            case DECLINED -> PaymentResult.DECLINED;
            case REFERRED -> PaymentResult.REFERRED;
            case SYSTEM_ERROR -> PaymentResult.SYSTEM_ERROR;
        };
    }

    private PaymentOutcome outcome(PaymentResult result, SentAuthorization charged, Money chargedAmount, Instant now) {
        PaymentOutcome.CouponResult coupons = couponResult(result);
        PaymentOutcome.Decline decline = fullAmount.answer() instanceof AuthorizationAnswer.Declined declined
                ? new PaymentOutcome.Decline(declined.responseCode(), declined.reason()) : null;
        List<FoundBenefit> benefits = result == PaymentResult.APPROVED ? offer.benefits() : List.of();
        return PaymentOutcome.of(payment.id(), payment.transactionId(), result,
                charged == null ? null : charged.authorizationCode(), decline, payment.amount(), chargedAmount, coupons,
                benefits, payment.card(), now);
    }

    private PaymentOutcome.CouponResult couponResult(PaymentResult result) {
        if (!offer.available()) {
            return new PaymentOutcome.CouponResult(CouponStatus.UNAVAILABLE, offer.unavailableReason(), List.of(), null);
        }
        if (!offer.hasDiscount()) {
            return new PaymentOutcome.CouponResult(CouponStatus.NONE, null, List.of(), null);
        }
        if (result == PaymentResult.APPROVED && discountStands()) {
            CouponHold.Held held = (CouponHold.Held) hold;
            return new PaymentOutcome.CouponResult(CouponStatus.APPLIED, null, held.coupons(),
                    payment.amount().minus(discounted.amount()));
        }
        return new PaymentOutcome.CouponResult(CouponStatus.NOT_APPLIED, notAppliedReason(result), List.of(), null);
    }

    private String notAppliedReason(PaymentResult result) {
        if (result != PaymentResult.APPROVED) {
            return "PAYMENT_NOT_APPROVED";
        }
        if (hold instanceof CouponHold.NotHeld notHeld) {
            return notHeld.reason();
        }
        if (hold == null || discounted == null) {
            return "DISCOUNT_NOT_APPLICABLE";
        }
        if (!discounted.approved()) {
            return discounted.declined() ? "DISCOUNTED_AUTHORIZATION_DECLINED" : "DISCOUNTED_AUTHORIZATION_UNANSWERED";
        }
        // coupon-server held the coupons for another price than the search proposed (the card's coupons changed)
        return "DISCOUNT_CHANGED";
    }

    private Money zero() {
        return Money.zero(payment.amount().currency());
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalStateException(rule);
        }
    }

    Payment payment() {
        return payment;
    }
}
