package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.card.PrimaryAccountNumber;
import com.cardcoupons.relay.coupon.AppliedCoupon;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A payment as recorded, without Spring: what makes a request a repeat, an answer given once, by its flow or its
 * abandonment, and the late coupon's states (docs/settlement-relay.md, "Late coupons").
 */
class PaymentTest {

    private static final MessageTrace TRACE = MessageTrace.of("00000001", "000000000000001", 1, Instant.parse("2026-12-07T03:00:00Z"));

    private static final Instant NOW = Instant.parse("2026-05-01T03:00:00Z");
    private static final CallerIdentity TILL = CallerIdentity.terminal("till-1", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final UsageMediumTokenizer TOKENIZER =
            new UsageMediumTokenizer("a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
    private static final String VISA = "4111111111111111";

    private final Payment payment = received("T-1", "K-1", VISA, 1_000);

    @Test
    void aRepeatUnderTheSameKeyOrTheSameTransactionIdIsTheSamePayment() {
        assertThat(Payment.repeatedBy(received("T-1", "K-1", VISA, 1_000), List.of(payment))).isSameAs(payment);
        assertThat(Payment.repeatedBy(received("T-1", "K-2", VISA, 1_000), List.of(payment)))
                .as("the same transaction under another key, after a terminal restarted").isSameAs(payment);
    }

    @Test
    void aKeyOrATransactionIdUsedForAnotherPaymentIsRefused() {
        assertThat(codeOf(received("T-2", "K-1", VISA, 1_000), payment)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(codeOf(received("T-1", "K-1", VISA, 1_001), payment)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(codeOf(received("T-1", "K-2", "5555555555554444", 1_000), payment)).isEqualTo("TRANSACTION_ID_REUSED");
        assertThat(codeOf(received("T-1", "K-2", VISA, 1_000, new BasketLine("SKU-2", null, 1, yen(1_000))), payment))
                .isEqualTo("TRANSACTION_ID_REUSED");
    }

    @Test
    void underItsKeyARequestRepeatsThatPaymentEvenWhenItsTransactionIdNamesAnother() {
        Payment other = received("T-2", "K-2", VISA, 1_000);

        assertThat(codeOf(received("T-2", "K-1", VISA, 1_000), payment, other)).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(Payment.repeatedBy(received("T-2", "K-2", VISA, 1_000), List.of(payment, other))).isSameAs(other);
    }

    @Test
    void itIsAnsweredOnceWithAnAnswerOfItsOwn() {
        PaymentOutcome approved = approve(payment);
        payment.answer(approved);

        assertThat(payment.inProgress()).isFalse();
        assertThat(payment.outcome()).contains(approved);
        assertThatThrownBy(() -> payment.answer(approved)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.abandon(NOW)).as("an answered payment is not abandoned")
                .isInstanceOf(IllegalStateException.class);

        Payment another = received("T-9", "K-9", VISA, 1_000);
        assertThatThrownBy(() -> another.answer(approved)).as("another payment's answer").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSaveExpectsThePaymentAsItWasLastStoredUntilItIsStoredAgain() {
        assertThat(payment.recordedState()).as("received, not stored yet").isNull();
        payment.recorded();
        payment.answer(answered(payment, new AuthorizationAnswer.Approved("AAA111"), timedOut()));

        assertThat(payment.state()).isEqualTo(PaymentState.APPROVED);
        assertThat(payment.recordedState()).as("a save expects it still in progress").isEqualTo(PaymentState.IN_PROGRESS);
        payment.recorded();
        payment.lateCouponHeld(coupons(), yen(900), NOW);
        assertThat(payment.recordedState()).isEqualTo(PaymentState.APPROVED);
        assertThat(payment.recordedLateCoupon()).as("and no late coupon decided").isNull();
        payment.recorded();
        payment.lateCouponApplied(NOW);
        assertThat(payment.recordedLateCoupon()).isEqualTo(LateCoupon.Status.PENDING);
    }

    @Test
    void anAbandonedPaymentTimesOutChargingNothingAndCannotBeAnsweredAfterwards() {
        PaymentOutcome abandoned = payment.abandon(NOW.plusSeconds(31));

        assertThat(abandoned.result()).isEqualTo(PaymentResult.TIMED_OUT);
        assertThat(abandoned.chargedAmount()).isEqualTo(yen(0));
        assertThat(abandoned.coupon().reason()).isEqualTo("PAYMENT_NOT_APPROVED");
        assertThat(abandoned.receipt()).contains("NOT CHARGED: NO ANSWER FROM CARD NETWORK");
        assertThat(payment.outcome()).contains(abandoned);
        assertThatThrownBy(() -> payment.answer(approve(payment))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void itIsRecordedWithItsDeadlineAndNoCardNumber() {
        assertThat(payment.deadline()).isEqualTo(NOW.plusSeconds(30));
        assertThat(payment.fingerprint()).hasSize(64).isEqualTo(received("T-1", "K-1", VISA, 1_000).fingerprint())
                .isNotEqualTo(received("T-1", "K-1", VISA, 1_001).fingerprint());
        assertThat(payment.card().lastFour()).isEqualTo("1111");
        assertThat(payment.terminal()).isEqualTo(TILL);
    }

    @Test
    void onlyAPaymentApprovedAtFullPriceForWantOfASearchAnswerTakesALateCoupon() {
        assertThat(payment.takesLateCoupon()).as("in progress").isFalse();
        payment.answer(answered(payment, new AuthorizationAnswer.Approved("AAA111"), timedOut()));
        assertThat(payment.takesLateCoupon()).isTrue();

        Payment withoutCoupons = received("T-2", "K-2", VISA, 1_000);
        withoutCoupons.answer(approve(withoutCoupons));
        assertThat(withoutCoupons.takesLateCoupon()).as("its search answered in time").isFalse();

        Payment circuitOpen = received("T-3", "K-3", VISA, 1_000);
        circuitOpen.answer(answered(circuitOpen, new AuthorizationAnswer.Approved("AAA111"),
                CouponOffer.unavailable("COUPON_SERVER_CIRCUIT_OPEN", Duration.ZERO)));
        assertThat(circuitOpen.takesLateCoupon()).as("no search is running to answer late").isFalse();

        Payment declined = received("T-4", "K-4", VISA, 1_000);
        declined.answer(answered(declined, new AuthorizationAnswer.Declined(AuthorizationAnswer.Outcome.DECLINED, "51", "insufficient funds"), timedOut()));
        assertThat(declined.takesLateCoupon()).as("nothing is charged to lower").isFalse();
        assertThatThrownBy(() -> declined.lateCouponHeld(coupons(), yen(900), NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLateCouponHeldIsPendingThenAppliedAndLowersWhatTheCardHolds() {
        payment.answer(answered(payment, new AuthorizationAnswer.Approved("AAA111"), timedOut()));

        payment.lateCouponHeld(coupons(), yen(900), NOW.plusSeconds(1));
        assertThat(payment.outcome().orElseThrow().lateCoupon().status()).isEqualTo(LateCoupon.Status.PENDING);
        assertThat(payment.takesLateCoupon()).as("once per payment").isFalse();
        assertThatThrownBy(() -> payment.lateCouponHeld(coupons(), yen(900), NOW)).isInstanceOf(IllegalStateException.class);

        payment.lateCouponApplied(NOW.plusSeconds(2));
        LateCoupon late = payment.outcome().orElseThrow().lateCoupon();
        assertThat(late.status()).isEqualTo(LateCoupon.Status.APPLIED);
        assertThat(late.totalDiscount()).isEqualTo(yen(100));
        assertThat(payment.heldAmount()).contains(yen(900));
        assertThat(payment.outcome().orElseThrow().chargedAmount()).as("what the terminal was told stays").isEqualTo(yen(1_000));
        assertThatThrownBy(() -> payment.lateCouponApplied(NOW)).as("applied once").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.lateCouponNotApplied("PARTIAL_REVERSAL_REFUSED", NOW))
                .as("an applied discount stays").isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLateCouponRefusedBeforeOrWhilePendingLeavesTheFullAmount() {
        payment.answer(answered(payment, new AuthorizationAnswer.Approved("AAA111"), timedOut()));
        payment.lateCouponHeld(coupons(), yen(900), NOW);
        payment.lateCouponNotApplied("PARTIAL_REVERSAL_REFUSED", NOW.plusSeconds(1));
        assertThat(payment.outcome().orElseThrow().lateCoupon().reason()).isEqualTo("PARTIAL_REVERSAL_REFUSED");
        assertThat(payment.heldAmount()).contains(yen(1_000));
        assertThatThrownBy(() -> payment.lateCouponApplied(NOW)).isInstanceOf(IllegalStateException.class);

        Payment notHeld = received("T-2", "K-2", VISA, 1_000);
        notHeld.answer(answered(notHeld, new AuthorizationAnswer.Approved("AAA111"), timedOut()));
        notHeld.lateCouponNotApplied("LATE_COUPON_WINDOW_PASSED", NOW);
        assertThat(notHeld.heldAmount()).contains(yen(1_000));
        assertThat(notHeld.takesLateCoupon()).isFalse();
        assertThatThrownBy(() -> notHeld.lateCouponNotApplied("LATE_COUPON_WINDOW_PASSED", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLateDiscountLowersTheAmountWithoutReachingZero() {
        payment.answer(answered(payment, new AuthorizationAnswer.Approved("AAA111"), timedOut()));

        assertThatThrownBy(() -> payment.lateCouponHeld(coupons(), yen(0), NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.lateCouponHeld(coupons(), yen(1_000), NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.lateCouponHeld(coupons(), yen(1_001), NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payment.lateCouponHeld(coupons(), Money.of(900, "USD"), NOW)).isInstanceOf(IllegalStateException.class);
        assertThat(payment.takesLateCoupon()).isTrue();
    }

    private static PaymentOutcome answered(Payment payment, AuthorizationAnswer answer, CouponOffer offer) {
        PaymentRun run = new PaymentRun(payment, List.of());
        run.fullAmountAnswered(new SentAuthorization(UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, payment.amount(), TRACE,
                answer));
        run.couponsFound(offer);
        return run.settle(NOW).outcome();
    }

    private static CouponOffer timedOut() {
        return CouponOffer.unavailable("COUPON_SEARCH_TIMED_OUT", Duration.ofMillis(150));
    }

    private static List<AppliedCoupon> coupons() {
        return List.of(new AppliedCoupon("LATE10", "10% off", yen(100)));
    }

    private static PaymentOutcome approve(Payment payment) {
        PaymentRun run = new PaymentRun(payment, List.of());
        run.fullAmountAnswered(new SentAuthorization(UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, payment.amount(), TRACE,
                new AuthorizationAnswer.Approved("AAA111")));
        run.couponsFound(new CouponOffer(true, null, List.of(), null, null, List.of(), Duration.ofMillis(10)));
        return run.settle(NOW).outcome();
    }

    private static String codeOf(Payment request, Payment... earlier) {
        try {
            Payment.repeatedBy(request, List.of(earlier));
        } catch (DomainException refused) {
            assertThat(refused.kind()).isEqualTo(DomainException.Kind.UNPROCESSABLE);
            return refused.code();
        }
        throw new AssertionError("not refused");
    }

    private static Payment received(String transactionId, String key, String card, long amount, BasketLine... basket) {
        PaymentRequest request = new PaymentRequest(transactionId, TILL.merchantId(), TILL.storeId(), TILL.terminalId(),
                new PresentedCard(MediumType.CREDIT, PrimaryAccountNumber.parse(card), YearMonth.of(2030, 1)), yen(amount),
                List.of(basket));
        return Payment.receive(request, new IdempotencyKey(key), TILL, TOKENIZER.tokenize(request.card().medium()),
                "corr-payment-test", NOW, Duration.ofSeconds(30));
    }

    private static Money yen(long amount) {
        return Money.of(amount, "JPY");
    }
}
