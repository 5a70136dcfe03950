package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.problem.DomainException;
import com.cardcoupons.model.terminal.BasketLine;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.card.PrimaryAccountNumber;
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

/** A payment as recorded, without Spring: what makes a request a repeat, and an answer given once, by its flow or its abandonment. */
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
