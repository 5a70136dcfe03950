package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.coupon.FoundBenefit;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One credit payment and the rules that settle it (claims 9 and 19). It learns, in this order, the answer to the
 * full-amount authorization and what the coupon search found; then, only if the full amount was approved and a
 * discount was found, the coupons held and the answer to the authorization at the discounted price. From that it
 * decides, in {@link #settle}, what the terminal is told and what must be undone, so that the card ends up charged
 * exactly what the terminal was told: the discounted price if its authorization was approved, else the full price,
 * else nothing.
 */
public final class Payment {

    private final UUID id;
    private final String transactionId;
    private final CallerIdentity terminal;
    private final TokenizedMedium card;
    private final Money amount;
    private final List<BasketLine> basket;
    private final String fingerprint;
    private final Instant receivedAt;
    private final Instant deadline;

    private SentAuthorization fullAmount;
    private CouponOffer offer;
    private CouponHold hold;
    private SentAuthorization discounted;

    private Payment(UUID id, String transactionId, CallerIdentity terminal, TokenizedMedium card, Money amount,
            List<BasketLine> basket, String fingerprint, Instant receivedAt, Instant deadline) {
        this.id = id;
        this.transactionId = transactionId;
        this.terminal = terminal;
        this.card = card;
        this.amount = amount;
        this.basket = List.copyOf(basket);
        this.fingerprint = fingerprint;
        this.receivedAt = receivedAt;
        this.deadline = deadline;
    }

    /** A payment just received from {@code terminal}, to be answered before {@code deadline} passes. */
    static Payment receive(PaymentRequest request, CallerIdentity terminal, TokenizedMedium card, Instant now, Duration deadline) {
        return new Payment(UUID.randomUUID(), request.transactionId(), terminal, card, request.amount(), request.basket(),
                fingerprint(request, card), now, now.plus(deadline));
    }

    /** What the coupon search and reservation are asked about. */
    public IntendedUse intendedUse() {
        return new IntendedUse(terminal.merchantId(), terminal.storeId(), terminal.terminalId(), amount, basket, receivedAt);
    }

    void fullAmountAnswered(SentAuthorization authorization) {
        require(fullAmount == null, "the full amount was already authorized");
        require(authorization.leg() == AuthorizationLeg.FULL_AMOUNT && authorization.amount().equals(amount),
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
            outcome = outcome(PaymentResult.APPROVED, fullAmount, amount, now);
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

    /** The answer for a payment abandoned past its deadline: its relay stopped mid-flow, and all it sent is undone. */
    static PaymentOutcome abandoned(UUID id, String transactionId, Money amount, PaymentOutcome.CardOnReceipt card, Instant now) {
        return withReceipt(new PaymentOutcome(id, transactionId, PaymentResult.TIMED_OUT, message(PaymentResult.TIMED_OUT, null),
                null, null, amount, Money.zero(amount.currency()),
                new PaymentOutcome.CouponResult(CouponStatus.NOT_APPLIED, "PAYMENT_NOT_APPROVED", List.of(), null),
                List.of(), card, List.of(), now));
    }

    private PaymentOutcome outcome(PaymentResult result, SentAuthorization charged, Money chargedAmount, Instant now) {
        PaymentOutcome.CouponResult coupons = couponResult(result);
        PaymentOutcome.Decline decline = fullAmount.answer() instanceof AuthorizationAnswer.Declined declined
                ? new PaymentOutcome.Decline(declined.responseCode(), declined.reason()) : null;
        List<FoundBenefit> benefits = result == PaymentResult.APPROVED ? offer.benefits() : List.of();
        return withReceipt(new PaymentOutcome(id, transactionId, result, message(result, coupons.status()),
                charged == null ? null : charged.authorizationCode(), decline, amount, chargedAmount, coupons, benefits,
                new PaymentOutcome.CardOnReceipt(card.type(), card.brand(), card.lastFour()), List.of(), now));
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
            return new PaymentOutcome.CouponResult(CouponStatus.APPLIED, null, held.coupons(), amount.minus(discounted.amount()));
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

    private static String message(PaymentResult result, CouponStatus coupons) {
        return switch (result) {
            case DECLINED -> "Declined by the card issuer; nothing is charged.";
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

    private static PaymentOutcome withReceipt(PaymentOutcome outcome) {
        return new PaymentOutcome(outcome.paymentId(), outcome.transactionId(), outcome.result(), outcome.message(),
                outcome.authorizationCode(), outcome.decline(), outcome.originalAmount(), outcome.chargedAmount(),
                outcome.coupon(), outcome.benefits(), outcome.card(), Receipt.lines(outcome), outcome.answeredAt());
    }

    private Money zero() {
        return Money.zero(amount.currency());
    }

    /** What makes two requests the same payment: where, which card, how much, what basket. */
    private static String fingerprint(PaymentRequest request, TokenizedMedium card) {
        List<String> parts = new ArrayList<>(List.of(request.merchantId().toString(), request.storeId().toString(),
                request.terminalId().toString(), card.token().value(), card.type().name(),
                request.card().expiry().toString(),
                Long.toString(request.amount().amountMinor()), request.amount().currency().getCurrencyCode()));
        for (BasketLine line : request.basket()) {
            parts.add(line.sku() + "|" + line.category() + "|" + line.quantity() + "|" + line.unitPrice().amountMinor()
                    + "|" + line.unitPrice().currency().getCurrencyCode());
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalStateException(rule);
        }
    }

    public UUID id() {
        return id;
    }

    public String transactionId() {
        return transactionId;
    }

    public CallerIdentity terminal() {
        return terminal;
    }

    public TokenizedMedium card() {
        return card;
    }

    public Money amount() {
        return amount;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Instant deadline() {
        return deadline;
    }

    CouponOffer offer() {
        return offer;
    }
}
