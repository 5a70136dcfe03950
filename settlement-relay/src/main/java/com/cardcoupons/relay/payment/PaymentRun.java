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
 * discount was found, the coupons held and the answer to the authorization at the discounted price. From that it
 * decides, in {@link #settle}, what the terminal is told and what must be undone, so that the card ends up charged
 * exactly what the terminal was told: the discounted price if its authorization was approved, else the full price,
 * else nothing. It lives in memory for one request; what it decides is recorded on the {@link Payment}.
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

    /** Worth holding coupons only when the full amount is approved and the search found a discount. */
    boolean shouldHoldCoupons() {
        return fullAmount != null && fullAmount.approved() && offer != null && offer.hasDiscount() && hold == null;
    }

    void couponsHeld(CouponHold held) {
        require(shouldHoldCoupons(), "coupons are held only for an approved payment with a discount found");
        hold = held;
    }

    /** The price to authorize second: what the held coupons leave to pay, if that is more than zero and less than the amount. */
    Optional<Money> discountedAmount() {
        Money amount = payment.amount();
        if (!(hold instanceof CouponHold.Held held) || held.payable() == null || !held.payable().sameCurrencyAs(amount)
                || held.payable().isZero() || !amount.isAtLeast(held.payable()) || held.payable().equals(amount)) {
            return Optional.empty();
        }
        return Optional.of(held.payable());
    }

    void discountedAmountAnswered(SentAuthorization authorization) {
        require(discounted == null, "the discounted price was already authorized");
        require(authorization.leg() == AuthorizationLeg.DISCOUNTED
                        && discountedAmount().map(authorization.amount()::equals).orElse(false),
                "the second authorization is for the discounted price");
        discounted = authorization;
    }

    /**
     * Decides the payment's end; see {@link Settlement}. The discounted authorization stands if it was approved, else
     * the full-amount one if it was; every other authorization that may hold funds is reversed.
     */
    Settlement settle(Instant now) {
        require(fullAmount != null && offer != null, "a payment settles once both legs have answered");
        SentAuthorization standing;
        PaymentOutcome outcome;
        if (fullAmount.approved() && discounted != null && discounted.approved()) {
            standing = discounted;
            outcome = outcome(PaymentResult.APPROVED, discounted, discounted.amount(), now);
        } else if (fullAmount.approved()) {
            standing = fullAmount;
            outcome = outcome(PaymentResult.APPROVED, fullAmount, payment.amount(), now);
        } else {
            standing = null;
            outcome = outcome(fullAmount.declined() ? PaymentResult.DECLINED : PaymentResult.TIMED_OUT, null, zero(), now);
        }
        List<SentAuthorization> sent = discounted == null ? List.of(fullAmount) : List.of(fullAmount, discounted);
        return new Settlement(outcome, standing,
                sent.stream().filter(authorization -> authorization != standing && !authorization.declined()).toList(),
                sent.stream().filter(SentAuthorization::declined).toList(),
                hold instanceof CouponHold.Held held ? held.reservationId() : null,
                standing != null && standing == discounted);
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
        if (result == PaymentResult.APPROVED && discounted != null && discounted.approved()) {
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
        if (discounted == null) {
            return "DISCOUNT_NOT_APPLICABLE";
        }
        return discounted.declined() ? "DISCOUNTED_AUTHORIZATION_DECLINED" : "DISCOUNTED_AUTHORIZATION_UNANSWERED";
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
