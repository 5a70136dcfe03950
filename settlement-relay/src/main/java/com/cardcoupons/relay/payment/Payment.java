package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.CardBrand;
import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.TokenizedMedium;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.coupon.AppliedCoupon;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
 * by its own flow, or, past its deadline, abandoned as timed out; never both, and never twice.
 */
@Entity
@Table(name = "payment")
public class Payment {

    @Id
    private UUID id;

    @Column(updatable = false)
    private UUID merchantId;

    @Column(updatable = false)
    private UUID storeId;

    @Column(updatable = false)
    private UUID terminalId;

    @Column(updatable = false)
    private String terminalPrincipal;

    @Column(updatable = false)
    private String transactionId;

    @Column(updatable = false)
    private String idempotencyKey;

    /** The request's correlation id, carried on by the payment's follow-ups. */
    @Column(updatable = false)
    private String correlationId;

    @Column(updatable = false)
    private String requestFingerprint;

    @Column(updatable = false)
    private String cardToken;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private MediumType cardType;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private CardBrand cardBrand;

    @Column(updatable = false)
    private String cardLastFour;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(updatable = false)
    private Currency currency;

    @Column(updatable = false)
    private long amountMinor;

    @Enumerated(EnumType.STRING)
    private PaymentState state;

    private Long chargedMinor;

    private String authorizationCode;

    @Convert(converter = StoredOutcomes.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private PaymentOutcome outcome;

    @Convert(converter = StoredLateCoupons.class)
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    private LateCoupon lateCoupon;

    @Column(updatable = false)
    private Instant receivedAt;

    @Column(updatable = false)
    private Instant deadlineAt;

    private Instant answeredAt;

    protected Payment() {
    }

    private Payment(PaymentRequest request, IdempotencyKey key, CallerIdentity terminal, TokenizedMedium card,
            String correlationId, Instant now, Duration deadline) {
        this.id = UUID.randomUUID();
        this.merchantId = terminal.merchantId();
        this.storeId = terminal.storeId();
        this.terminalId = terminal.terminalId();
        this.terminalPrincipal = terminal.principal();
        this.transactionId = request.transactionId();
        this.idempotencyKey = key.value();
        this.correlationId = correlationId;
        this.requestFingerprint = fingerprint(request, card);
        this.cardToken = card.token().value();
        this.cardType = card.type();
        this.cardBrand = card.brand();
        this.cardLastFour = card.lastFour();
        this.currency = request.amount().currency();
        this.amountMinor = request.amount().amountMinor();
        this.state = PaymentState.IN_PROGRESS;
        this.receivedAt = now;
        this.deadlineAt = now.plus(deadline);
    }

    /**
     * A payment just received from {@code terminal} under {@code key}, to be answered before {@code deadline} passes;
     * {@code correlationId} is its request's, if it has one.
     */
    static Payment receive(PaymentRequest request, IdempotencyKey key, CallerIdentity terminal, TokenizedMedium card,
            String correlationId, Instant now, Duration deadline) {
        return new Payment(request, key, terminal, card, correlationId, now, deadline);
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
}
