package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.CouponKind;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.card.PrimaryAccountNumber;
import com.cardcoupons.relay.coupon.AppliedCoupon;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.coupon.FoundBenefit;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpAction;
import com.cardcoupons.relay.outbox.FollowUpState;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules that settle a payment, without Spring: which authorization stands, what is reversed, what the terminal is told. */
class PaymentRunTest {

    private static final MessageTrace TRACE = MessageTrace.of("00000001", "000000000000001", 1, Instant.parse("2026-12-07T03:00:00Z"));

    private static final Instant NOW = Instant.parse("2026-05-01T03:00:00Z");
    private static final CallerIdentity TILL = CallerIdentity.terminal("till-1", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
    private static final UsageMediumTokenizer TOKENIZER =
            new UsageMediumTokenizer("a-test-key-of-at-least-thirty-two-bytes".getBytes(StandardCharsets.UTF_8));
    private static final FoundBenefit COFFEE = new FoundBenefit("COFFEE", "Free coffee", CouponKind.BENEFIT, "one coffee");
    private static final CouponOffer NO_DISCOUNT = new CouponOffer(true, null, List.of(), null, null, List.of(COFFEE), Duration.ofMillis(20));
    private static final CouponOffer TEN_PERCENT = new CouponOffer(true, null, List.of("TEN"), yen(100), yen(900), List.of(COFFEE),
            Duration.ofMillis(20));
    private static final CouponHold.Held HELD = new CouponHold.Held(UUID.randomUUID(),
            List.of(new AppliedCoupon("TEN", "10% off", yen(100))), yen(100), yen(900));

    private static final UUID PAYMENT_ID = UUID.randomUUID();

    private final PaymentRun payment = new PaymentRun(received(1_000), request(1_000).basket());

    @Nested
    class WithoutADiscount {

        @Test
        void anApprovalStandsAndBenefitsAreHandedOver() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(NO_DISCOUNT);

            assertThat(payment.discountedAmount()).as("nothing to hold or authorize second").isEmpty();
            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().result()).isEqualTo(PaymentResult.APPROVED);
            assertThat(settlement.outcome().chargedAmount()).isEqualTo(yen(1_000));
            assertThat(settlement.outcome().authorizationCode()).isEqualTo("AAA111");
            assertThat(settlement.outcome().coupon().status()).isEqualTo(CouponStatus.NONE);
            assertThat(settlement.outcome().benefits()).containsExactly(COFFEE);
            assertThat(settlement.standing()).isEqualTo(full);
            assertThat(settlement.toReverse()).isEmpty();
            assertThat(settlement.reservationId()).isNull();
            assertThat(settlement.leavesFollowUps()).as("nothing to send after the answer").isFalse();
        }

        @Test
        void aDeclineChargesNothingReversesNothingAndHandsNoBenefitOver() {
            SentAuthorization full = new SentAuthorization(UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, yen(1_000), TRACE,
                    new AuthorizationAnswer.Declined(AuthorizationAnswer.Outcome.DECLINED, "51", "INSUFFICIENT_FUNDS"));
            payment.fullAmountAnswered(full);
            payment.couponsFound(TEN_PERCENT);

            assertThat(payment.discountedAmount()).as("no coupon held for a declined payment").isEmpty();
            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().result()).isEqualTo(PaymentResult.DECLINED);
            assertThat(settlement.outcome().decline()).isEqualTo(new PaymentOutcome.Decline("51", "INSUFFICIENT_FUNDS"));
            assertThat(settlement.outcome().chargedAmount()).isEqualTo(yen(0));
            assertThat(settlement.outcome().coupon().reason()).isEqualTo("PAYMENT_NOT_APPROVED");
            assertThat(settlement.outcome().benefits()).isEmpty();
            assertThat(settlement.toReverse()).isEmpty();
            assertThat(settlement.declined()).containsExactly(full);
        }

        @Test
        void noAnswerTimesOutAndReversesWhatMayHaveBeenApproved() {
            SentAuthorization full = SentAuthorization.unanswered(UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, yen(1_000), TRACE);
            payment.fullAmountAnswered(full);
            payment.couponsFound(NO_DISCOUNT);

            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().result()).isEqualTo(PaymentResult.TIMED_OUT);
            assertThat(settlement.outcome().chargedAmount()).isEqualTo(yen(0));
            assertThat(settlement.standing()).isNull();
            assertThat(settlement.toReverse()).containsExactly(full);
        }

        @Test
        void anUnavailableSearchIsSaidSo() {
            payment.fullAmountAnswered(approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111"));
            payment.couponsFound(CouponOffer.unavailable("COUPON_SEARCH_TIMED_OUT", Duration.ofMillis(150)));

            PaymentOutcome outcome = payment.settle(NOW).outcome();
            assertThat(outcome.coupon().status()).isEqualTo(CouponStatus.UNAVAILABLE);
            assertThat(outcome.coupon().reason()).isEqualTo("COUPON_SEARCH_TIMED_OUT");
            assertThat(outcome.chargedAmount()).isEqualTo(yen(1_000));
            assertThat(outcome.receipt()).contains("COUPONS UNAVAILABLE: FULL PRICE CHARGED");
        }
    }

    @Nested
    class WithADiscount {

        @Test
        void anApprovedDiscountedAuthorizationReplacesTheFullAmountAndConfirmsTheCoupons() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(TEN_PERCENT);
            assertThat(payment.discountedAmount()).as("the search's price").contains(yen(900));
            payment.couponsHeld(HELD);
            SentAuthorization discounted = approved(AuthorizationLeg.DISCOUNTED, 900, "BBB222");
            payment.discountedAmountAnswered(discounted);

            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().result()).isEqualTo(PaymentResult.APPROVED);
            assertThat(settlement.outcome().authorizationCode()).isEqualTo("BBB222");
            assertThat(settlement.outcome().originalAmount()).isEqualTo(yen(1_000));
            assertThat(settlement.outcome().chargedAmount()).isEqualTo(yen(900));
            assertThat(settlement.outcome().coupon().status()).isEqualTo(CouponStatus.APPLIED);
            assertThat(settlement.outcome().coupon().applied()).containsExactlyElementsOf(HELD.coupons());
            assertThat(settlement.outcome().coupon().totalDiscount()).isEqualTo(yen(100));
            assertThat(settlement.standing()).isEqualTo(discounted);
            assertThat(settlement.toReverse()).containsExactly(full);
            assertThat(settlement.reservationId()).isEqualTo(HELD.reservationId());
            assertThat(settlement.confirmCoupons()).isTrue();
            assertThat(settlement.leavesFollowUps()).isTrue();
        }

        @Test
        void aDeclinedDiscountedAuthorizationLeavesTheFullAmountStandingAndReleasesTheCoupons() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(TEN_PERCENT);
            payment.couponsHeld(HELD);
            SentAuthorization discounted = new SentAuthorization(UUID.randomUUID(), AuthorizationLeg.DISCOUNTED, yen(900), TRACE,
                    new AuthorizationAnswer.Declined(AuthorizationAnswer.Outcome.DECLINED, "51", null));
            payment.discountedAmountAnswered(discounted);

            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().chargedAmount()).isEqualTo(yen(1_000));
            assertThat(settlement.outcome().authorizationCode()).isEqualTo("AAA111");
            assertThat(settlement.outcome().coupon().reason()).isEqualTo("DISCOUNTED_AUTHORIZATION_DECLINED");
            assertThat(settlement.standing()).isEqualTo(full);
            assertThat(settlement.toReverse()).isEmpty();
            assertThat(settlement.declined()).containsExactly(discounted);
            assertThat(settlement.confirmCoupons()).isFalse();
            assertThat(settlement.reservationId()).isEqualTo(HELD.reservationId());
        }

        @Test
        void anUnansweredDiscountedAuthorizationIsReversedAndTheFullAmountStands() {
            payment.fullAmountAnswered(approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111"));
            payment.couponsFound(TEN_PERCENT);
            payment.couponsHeld(HELD);
            SentAuthorization discounted = SentAuthorization.unanswered(UUID.randomUUID(), AuthorizationLeg.DISCOUNTED, yen(900), TRACE);
            payment.discountedAmountAnswered(discounted);

            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().chargedAmount()).isEqualTo(yen(1_000));
            assertThat(settlement.outcome().coupon().reason()).isEqualTo("DISCOUNTED_AUTHORIZATION_UNANSWERED");
            assertThat(settlement.toReverse()).containsExactly(discounted);
            assertThat(settlement.confirmCoupons()).isFalse();
        }

        @Test
        void couponsNotHeldMeanFullPriceAndTheDiscountedAuthorizationApprovedMeanwhileIsReversed() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(TEN_PERCENT);
            payment.couponsHeld(new CouponHold.NotHeld("RESERVATION_REFUSED", "used up"));
            SentAuthorization discounted = approved(AuthorizationLeg.DISCOUNTED, 900, "BBB222");
            payment.discountedAmountAnswered(discounted);

            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().chargedAmount()).as("never charged the discount without a hold").isEqualTo(yen(1_000));
            assertThat(settlement.outcome().coupon().status()).isEqualTo(CouponStatus.NOT_APPLIED);
            assertThat(settlement.outcome().coupon().reason()).isEqualTo("RESERVATION_REFUSED");
            assertThat(settlement.standing()).isEqualTo(full);
            assertThat(settlement.toReverse()).containsExactly(discounted);
            assertThat(settlement.reservationId()).isNull();
        }

        @Test
        void couponsHeldForAnotherPriceThanTheSearchProposedAreReleasedAndTheFullPriceStands() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(TEN_PERCENT);
            CouponHold.Held other = new CouponHold.Held(UUID.randomUUID(), List.of(), yen(200), yen(800));
            payment.couponsHeld(other);
            SentAuthorization discounted = approved(AuthorizationLeg.DISCOUNTED, 900, "BBB222");
            payment.discountedAmountAnswered(discounted);

            Settlement settlement = payment.settle(NOW);
            assertThat(settlement.outcome().coupon().reason()).isEqualTo("DISCOUNT_CHANGED");
            assertThat(settlement.standing()).as("never held and charged in full at once: released").isEqualTo(full);
            assertThat(settlement.toReverse()).containsExactly(discounted);
            assertThat(settlement.reservationId()).isEqualTo(other.reservationId());
            assertThat(settlement.confirmCoupons()).isFalse();
        }
    }

    /** What a settlement decides for the reversals armed before each authorization went out, and for held coupons. */
    @Nested
    class FollowUps {

        @Test
        void theStandingAuthorizationsReversalIsCancelledAndTheReplacedApprovalReversedOnlineFirst() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(TEN_PERCENT);
            payment.couponsHeld(HELD);
            SentAuthorization discounted = approved(AuthorizationLeg.DISCOUNTED, 900, "BBB222");
            payment.discountedAmountAnswered(discounted);
            Settlement settlement = payment.settle(NOW);
            FollowUp fullReversal = armed(full);
            FollowUp discountedReversal = armed(discounted);

            assertThat(settlement.settleReversals(List.of(fullReversal, discountedReversal), NOW))
                    .containsExactlyInAnyOrder(fullReversal, discountedReversal);
            assertThat(discountedReversal.state()).isEqualTo(FollowUpState.CANCELLED);
            assertThat(fullReversal.state()).isEqualTo(FollowUpState.PENDING);
            assertThat(fullReversal.advice()).as("it was approved: 0400 first").isFalse();
            FollowUp coupons = settlement.couponSettlement(PAYMENT_ID, NOW).orElseThrow();
            assertThat(coupons.action()).isEqualTo(FollowUpAction.CONFIRM_COUPONS);
            assertThat(coupons.reservationId()).isEqualTo(HELD.reservationId());
        }

        @Test
        void anUnansweredAuthorizationIsReversedByAdviceAndADeclinedOneNeedsNoReversal() {
            SentAuthorization full = new SentAuthorization(UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, yen(1_000), TRACE,
                    new AuthorizationAnswer.Declined(AuthorizationAnswer.Outcome.DECLINED, "51", "INSUFFICIENT_FUNDS"));
            payment.fullAmountAnswered(full);
            payment.couponsFound(NO_DISCOUNT);
            FollowUp declined = armed(full);
            payment.settle(NOW).settleReversals(List.of(declined), NOW);
            assertThat(declined.state()).isEqualTo(FollowUpState.CANCELLED);

            PaymentRun timedOut = new PaymentRun(received(1_000), List.of());
            SentAuthorization unanswered = SentAuthorization.unanswered(UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT,
                    yen(1_000), TRACE);
            timedOut.fullAmountAnswered(unanswered);
            timedOut.couponsFound(NO_DISCOUNT);
            FollowUp reversal = armed(unanswered);
            Settlement settlement = timedOut.settle(NOW);
            settlement.settleReversals(List.of(reversal), NOW);
            assertThat(reversal.state()).isEqualTo(FollowUpState.PENDING);
            assertThat(reversal.advice()).as("it may have been approved: 0420").isTrue();
            assertThat(settlement.couponSettlement(PAYMENT_ID, NOW)).as("no coupons held").isEmpty();
        }

        @Test
        void everyAuthorizationSentHasItsReversalArmedAndEveryArmedReversalIsDecided() {
            SentAuthorization full = approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111");
            payment.fullAmountAnswered(full);
            payment.couponsFound(NO_DISCOUNT);
            Settlement settlement = payment.settle(NOW);

            assertThatThrownBy(() -> settlement.settleReversals(List.of(), NOW)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> settlement.settleReversals(List.of(armed(full),
                    armed(approved(AuthorizationLeg.DISCOUNTED, 900, "B"))), NOW)).isInstanceOf(IllegalStateException.class);
            FollowUp fired = armed(full);
            fired.fire(NOW);
            assertThatThrownBy(() -> settlement.settleReversals(List.of(fired), NOW))
                    .as("fired already: its payment was abandoned").isInstanceOf(IllegalStateException.class);
        }

        private static FollowUp armed(SentAuthorization authorization) {
            return FollowUp.reversal(PAYMENT_ID, authorization.authorizationId(), authorization.leg(), authorization.amount(),
                    NOW.plusSeconds(30), TRACE, "000002");
        }
    }

    @Nested
    class Guards {

        @Test
        void stepsOutOfOrderAreRefused() {
            assertThatThrownBy(() -> payment.settle(NOW)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> payment.fullAmountAnswered(approved(AuthorizationLeg.FULL_AMOUNT, 999, "X")))
                    .as("the first authorization is for the full amount").isInstanceOf(IllegalStateException.class);
            payment.fullAmountAnswered(approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111"));
            payment.couponsFound(NO_DISCOUNT);
            assertThatThrownBy(() -> payment.couponsHeld(HELD)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> payment.discountedAmountAnswered(approved(AuthorizationLeg.DISCOUNTED, 900, "B")))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void theDiscountedAuthorizationMustBeForTheHeldPrice() {
            payment.fullAmountAnswered(approved(AuthorizationLeg.FULL_AMOUNT, 1_000, "AAA111"));
            payment.couponsFound(TEN_PERCENT);
            payment.couponsHeld(HELD);

            assertThatThrownBy(() -> payment.discountedAmountAnswered(approved(AuthorizationLeg.DISCOUNTED, 800, "B")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    private static SentAuthorization approved(AuthorizationLeg leg, long amount, String code) {
        return new SentAuthorization(UUID.randomUUID(), leg, yen(amount), TRACE, new AuthorizationAnswer.Approved(code));
    }

    static Payment received(long amount) {
        return Payment.receive(request(amount), new IdempotencyKey("T-1"), TILL, TOKENIZER.tokenize(request(amount).card().medium()),
                "corr-payment-run-test", NOW, Duration.ofSeconds(30));
    }

    static PaymentRequest request(long amount) {
        return new PaymentRequest("T-1", TILL.merchantId(), TILL.storeId(), TILL.terminalId(),
                new PresentedCard(MediumType.CREDIT, PrimaryAccountNumber.parse("4111111111111111"), YearMonth.of(2030, 1)),
                yen(amount), List.of());
    }

    private static Money yen(long amount) {
        return Money.of(amount, "JPY");
    }
}
