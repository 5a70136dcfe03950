package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.coupon.AppliedCoupon;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One credit payment, recorded under the terminal's transaction id and idempotency key before anything is sent: what
 * was asked and, once answered, the answer the terminal got, replayed as it was to every retry. It is answered once,
 * by its own flow, or, past its deadline, abandoned as timed out; never both, and never twice. Every change of its
 * state is decided here; {@link Payments} stores what was decided, on the condition that the row still holds what this
 * payment was read as, so a change that lost a race is refused rather than written over the winner's.
 */
public class Payment {

    private final UUID id;
    private final UUID merchantId;
    private final UUID storeId;
    private final UUID terminalId;
    private final String terminalPrincipal;
    private final String transactionId;
    private final String idempotencyKey;
    /** The request's correlation id, carried on by the payment's follow-ups. */
    private final String correlationId;
    private final String requestFingerprint;
    private final String cardToken;
    private final MediumType cardType;
    private final CardBrand cardBrand;
    private final String cardLastFour;
    private final Currency currency;
    private final long amountMinor;
    private PaymentState state;
    private Long chargedMinor;
    private String authorizationCode;
    private PaymentOutcome outcome;
    private LateCoupon lateCoupon;
    private final Instant receivedAt;
    private final Instant deadlineAt;
    private Instant answeredAt;
    /** The state and the late coupon's status as stored, which a save expects to find; null state until stored. */
    private PaymentState recordedState;
    private LateCoupon.Status recordedLateCoupon;

    private Payment(UUID id, UUID merchantId, UUID storeId, UUID terminalId, String terminalPrincipal, String transactionId,
            String idempotencyKey, String correlationId, String requestFingerprint, String cardToken, MediumType cardType,
            CardBrand cardBrand, String cardLastFour, Currency currency, long amountMinor, PaymentState state,
            Long chargedMinor, String authorizationCode, PaymentOutcome outcome, LateCoupon lateCoupon, Instant receivedAt,
            Instant deadlineAt, Instant answeredAt, PaymentState recordedState) {
        this.id = id;
        this.merchantId = merchantId;
        this.storeId = storeId;
        this.terminalId = terminalId;
        this.terminalPrincipal = terminalPrincipal;
        this.transactionId = transactionId;
        this.idempotencyKey = idempotencyKey;
        this.correlationId = correlationId;
        this.requestFingerprint = requestFingerprint;
        this.cardToken = cardToken;
        this.cardType = cardType;
        this.cardBrand = cardBrand;
        this.cardLastFour = cardLastFour;
        this.currency = currency;
        this.amountMinor = amountMinor;
        this.state = state;
        this.chargedMinor = chargedMinor;
        this.authorizationCode = authorizationCode;
        this.outcome = outcome;
        this.lateCoupon = lateCoupon;
        this.receivedAt = receivedAt;
        this.deadlineAt = deadlineAt;
        this.answeredAt = answeredAt;
        this.recordedState = recordedState;
        this.recordedLateCoupon = lateCoupon == null ? null : lateCoupon.status();
    }

    private Payment(PaymentRequest request, IdempotencyKey key, CallerIdentity terminal, TokenizedMedium card,
            String correlationId, Instant now, Duration deadline) {
        this(UUID.randomUUID(), terminal.merchantId(), terminal.storeId(), terminal.terminalId(), terminal.principal(),
                request.transactionId(), key.value(), correlationId, fingerprint(request, card), card.token().value(),
                card.type(), card.brand(), card.lastFour(), request.amount().currency(), request.amount().amountMinor(),
                PaymentState.IN_PROGRESS, null, null, null, null, now, now.plus(deadline), null, null);
    }

    /**
     * A payment just received from {@code terminal} under {@code key}, to be answered before {@code deadline} passes;
     * {@code correlationId} is its request's, if it has one.
     */
    static Payment receive(PaymentRequest request, IdempotencyKey key, CallerIdentity terminal, TokenizedMedium card,
            String correlationId, Instant now, Duration deadline) {
        return new Payment(request, key, terminal, card, correlationId, now, deadline);
    }

    /** A payment as stored. */
    static Payment restore(UUID id, UUID merchantId, UUID storeId, UUID terminalId, String terminalPrincipal,
            String transactionId, String idempotencyKey, String correlationId, String requestFingerprint, String cardToken,
            MediumType cardType, CardBrand cardBrand, String cardLastFour, Currency currency, long amountMinor,
            PaymentState state, Long chargedMinor, String authorizationCode, PaymentOutcome outcome, LateCoupon lateCoupon,
            Instant receivedAt, Instant deadlineAt, Instant answeredAt) {
        return new Payment(id, merchantId, storeId, terminalId, terminalPrincipal, transactionId, idempotencyKey,
                correlationId, requestFingerprint, cardToken, cardType, cardBrand, cardLastFour, currency, amountMinor, state,
                chargedMinor, authorizationCode, outcome, lateCoupon, receivedAt, deadlineAt, answeredAt, state);
    }

    /**
     * The earlier payment {@code request} repeats, among those {@code found} under its idempotency key or its
     * transaction id at its terminal: the one under its key, else the one under its transaction id. A repeat asks for
     * the same payment (transaction, place, card, amount and basket); anything else reuses a key or a transaction id.
     *
     * @throws IdempotencyKeyReused when the key was used for a different payment
     * @throws TransactionIdReused  when the transaction id was used for a different payment
     */
    static Payment repeatedBy(Payment request, List<Payment> found) {
        Optional<Payment> underKey = found.stream()
                .filter(earlier -> earlier.idempotencyKey.equals(request.idempotencyKey)).findFirst();
        if (underKey.isPresent()) {
            if (!underKey.get().transactionId.equals(request.transactionId) || !underKey.get().asksAs(request)) {
                throw new IdempotencyKeyReused();
            }
            return underKey.get();
        }
        Payment underTransaction = found.stream()
                .filter(earlier -> earlier.transactionId.equals(request.transactionId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no earlier payment under the key or the transaction id"));
        if (!underTransaction.asksAs(request)) {
            throw new TransactionIdReused();
        }
        return underTransaction;
    }

    boolean inProgress() {
        return state == PaymentState.IN_PROGRESS;
    }

    /** Records the answer the terminal is given; a payment is answered once, and only while in progress. */
    void answer(PaymentOutcome answer) {
        require(inProgress(), "payment " + id + " was already answered");
        require(answer.paymentId().equals(id) && answer.transactionId().equals(transactionId)
                && answer.originalAmount().equals(amount()), "the answer is for this payment");
        require(answer.result() != PaymentResult.APPROVED || answer.authorizationCode() != null,
                "an approval has its authorization code");
        state = PaymentState.of(answer.result());
        chargedMinor = answer.chargedAmount().amountMinor();
        authorizationCode = answer.authorizationCode();
        outcome = answer;
        answeredAt = answer.answeredAt();
    }

    /**
     * Answers a payment its relay stopped running (it crashed or was killed mid-flow) as timed out: nothing is charged,
     * and everything it sent is to be undone.
     */
    PaymentOutcome abandon(Instant now) {
        answer(PaymentOutcome.of(id, transactionId, PaymentResult.TIMED_OUT, null, null, amount(), Money.zero(currency),
                new PaymentOutcome.CouponResult(CouponStatus.NOT_APPLIED, "PAYMENT_NOT_APPROVED", List.of(), null),
                List.of(), card(), now));
        return outcome;
    }

    /**
     * Whether a coupon search that answered late may still lower this payment: it was approved at full price because
     * the search ran out of its budget, and no late discount was decided for it yet.
     */
    boolean takesLateCoupon() {
        return state == PaymentState.APPROVED && lateCoupon == null && outcome != null
                && outcome.coupon().status() == CouponStatus.UNAVAILABLE
                && "COUPON_SEARCH_TIMED_OUT".equals(outcome.coupon().reason());
    }

    /**
     * The late discount's coupons are held for {@code payable}: the authorization is to be lowered to it by a partial
     * reversal; the discount is pending until the settlement center acknowledges it.
     */
    void lateCouponHeld(List<AppliedCoupon> coupons, Money payable, Instant now) {
        require(takesLateCoupon(), "a late coupon applies once, to a payment approved at full price without coupons");
        require(payable.sameCurrencyAs(amount()) && !payable.isZero() && amount().isAtLeast(payable) && !payable.equals(amount()),
                "a late discount lowers the amount without reaching zero");
        lateCoupon = new LateCoupon(LateCoupon.Status.PENDING, null, coupons, amount().minus(payable), payable, now);
    }

    /** The partial reversal was acknowledged: the card holds the discounted price, and the coupons are used. */
    void lateCouponApplied(Instant now) {
        require(lateCoupon != null && lateCoupon.status() == LateCoupon.Status.PENDING, "only a pending late coupon is applied");
        lateCoupon = new LateCoupon(LateCoupon.Status.APPLIED, null, lateCoupon.applied(), lateCoupon.totalDiscount(),
                lateCoupon.heldAmount(), now);
    }

    /** The late discount is not applied, for {@code reason}: the card holds the full amount; held coupons are released. */
    void lateCouponNotApplied(String reason, Instant now) {
        require(takesLateCoupon() || lateCoupon.status() == LateCoupon.Status.PENDING,
                "a late coupon is refused before it is held or while it is pending");
        lateCoupon = new LateCoupon(LateCoupon.Status.NOT_APPLIED, reason, List.of(), null, amount(), now);
    }

    /** The payment was stored as it now stands: the next save expects to find it so. */
    void recorded() {
        recordedState = state;
        recordedLateCoupon = lateCoupon == null ? null : lateCoupon.status();
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

    private boolean asksAs(Payment other) {
        return requestFingerprint.equals(other.requestFingerprint);
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

    UUID merchantId() {
        return merchantId;
    }

    UUID terminalId() {
        return terminalId;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }

    /** The terminal that sent the payment, on whose behalf coupon-server is called. */
    public CallerIdentity terminal() {
        return CallerIdentity.terminal(terminalPrincipal, merchantId, storeId, terminalId);
    }

    public Money amount() {
        return new Money(amountMinor, currency);
    }

    /** The card as the receipt shows it. */
    PaymentOutcome.CardOnReceipt card() {
        return new PaymentOutcome.CardOnReceipt(cardType, cardBrand, cardLastFour);
    }

    String fingerprint() {
        return requestFingerprint;
    }

    String cardToken() {
        return cardToken;
    }

    /** The correlation id of the request that made the payment; null when it had none. */
    String correlationId() {
        return correlationId;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    public Instant deadline() {
        return deadlineAt;
    }

    /** The answer the terminal was given, with the late coupon if one was decided since; empty while in progress. */
    Optional<PaymentOutcome> outcome() {
        return Optional.ofNullable(outcome).map(answer -> lateCoupon == null ? answer : answer.withLateCoupon(lateCoupon));
    }

    /** What the card is to hold because of this payment: what the terminal was told, or what a late coupon lowered it to. */
    Optional<Money> heldAmount() {
        if (lateCoupon != null) {
            return Optional.of(lateCoupon.heldAmount());
        }
        return Optional.ofNullable(outcome).map(PaymentOutcome::chargedAmount);
    }

    PaymentState state() {
        return state;
    }

    /** The answer as it was given, without what a late coupon did since; null while in progress. */
    PaymentOutcome answer() {
        return outcome;
    }

    /** What a coupon search answering late did, if anything was decided. */
    LateCoupon lateCoupon() {
        return lateCoupon;
    }

    Long chargedMinor() {
        return chargedMinor;
    }

    String authorizationCode() {
        return authorizationCode;
    }

    Instant answeredAt() {
        return answeredAt;
    }

    /** The state a save expects to find stored; null for a payment never stored. */
    PaymentState recordedState() {
        return recordedState;
    }

    /** The late coupon's status a save expects to find stored; null for none. */
    LateCoupon.Status recordedLateCoupon() {
        return recordedLateCoupon;
    }
}
