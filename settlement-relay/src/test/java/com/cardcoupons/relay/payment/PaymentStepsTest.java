package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.MediumType;
import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.card.PrimaryAccountNumber;
import com.cardcoupons.relay.coupon.AppliedCoupon;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpState;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.MessageTrace;
import com.cardcoupons.relay.support.StandInTestBase;
import com.cardcoupons.relay.support.TestCards;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first and the last step of a payment on the database, each one statement: what the payment's unique keys decide
 * on a repeat, and an answer that writes nothing unless it finds the payment in progress and its follow-ups armed
 * (one abandoned meanwhile releases its coupons with its journal entries, or neither); and a change of a payment or a
 * follow-up that lost a race to another, refused rather than written over it.
 */
class PaymentStepsTest extends StandInTestBase {

    private static final MessageTrace TRACE = MessageTrace.of("00000001", "000000000000001", 1, Instant.parse("2026-12-07T03:00:00Z"));

    private static final CallerIdentity TERMINAL = CallerIdentity.terminal("till-steps", MERCHANT, STORE, TILL);

    @Autowired
    PaymentSteps steps;

    @Autowired
    UsageMediumTokenizer tokenizer;

    @Autowired
    Payments payments;

    @Autowired
    SettlementOutbox outbox;

    @Test
    void aPaymentIsRecordedWithItsAuthorizationWrittenAheadAndARepeatRecordsNothingAndFindsIt() {
        String card = TestCards.fresh();
        Payment payment = received("T-STEPS-1", "K-STEPS-1", card, Instant.now());
        FollowUp reversal = reversalOf(payment);
        UUID authorization = reversal.authorizationId();

        assertThat(steps.begin(payment, reversal, TRACE)).isEmpty();
        Payment again = received("T-STEPS-1", "K-STEPS-2", card, Instant.now());
        assertThat(steps.begin(again, reversalOf(again), TRACE))
                .as("the same transaction under another key").get().extracting(Payment::id).isEqualTo(payment.id());
        Payment other = received("T-STEPS-2", "K-STEPS-1", card, Instant.now());
        assertThatThrownBy(() -> steps.begin(other, reversalOf(other), TRACE))
                .as("the key of another payment").isInstanceOf(IdempotencyKeyReused.class);

        assertThat(jdbc.sql("select count(*) from payment where terminal_id = ? and transaction_id in ('T-STEPS-1', 'T-STEPS-2')")
                .param(TILL).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select state || ' ' || action || ' ' || leg from settlement_outbox where authorization_id = ?")
                .param(authorization).query(String.class).single()).isEqualTo("ARMED REVERSE_AUTHORIZATION FULL_AMOUNT");
        assertThat(steps(payment)).containsExactly("PAYMENT_RECEIVED", "AUTHORIZATION_SENT");
    }

    @Test
    void anAnswerFindingAReversalNoLongerArmedWritesNothing() {
        Payment payment = received("T-STEPS-3", "K-STEPS-3", TestCards.fresh(), Instant.now());
        FollowUp reversal = reversalOf(payment);
        UUID authorization = reversal.authorizationId();
        steps.begin(payment, reversal, TRACE);
        jdbc.sql("update settlement_outbox set state = 'CANCELLED', finished_at = now() where authorization_id = ?")
                .param(authorization).update();

        assertThatThrownBy(() -> steps.finish(payment, List.of(), approved(payment, authorization), List.of(reversal)))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("a payment is answered only with every follow-up it names armed");

        assertThat(jdbc.sql("select state from payment where id = ?").param(payment.id()).query(String.class).single())
                .isEqualTo("IN_PROGRESS");
        assertThat(steps(payment)).containsExactly("PAYMENT_RECEIVED", "AUTHORIZATION_SENT");
    }

    @Test
    void anAnswerToAPaymentAbandonedMeanwhileKeepsTheAbandonmentAndJournalsWhatWasLearnt() {
        Payment payment = received("T-STEPS-4", "K-STEPS-4", TestCards.fresh(), Instant.now().minusSeconds(60));
        FollowUp reversal = reversalOf(payment);
        UUID authorization = reversal.authorizationId();
        steps.begin(payment, reversal, TRACE);
        steps.abandonOverdue(100);
        JournalEntry learnt = JournalEntry.authorization(payment.id(), Instant.now(), JournalStep.AUTHORIZATION_APPROVED,
                authorization, AuthorizationLeg.FULL_AMOUNT, payment.amount(), TRACE, "AB12CD", "00", null);

        PaymentOutcome outcome = steps.finish(payment, List.of(learnt), approved(payment, authorization), List.of(reversal));

        assertThat(outcome.result()).isEqualTo(PaymentResult.TIMED_OUT);
        // the outbox may send the reversal meanwhile and journal that too
        assertThat(steps(payment)).containsSubsequence("PAYMENT_RECEIVED", "AUTHORIZATION_SENT", "REVERSAL_QUEUED",
                "PAYMENT_ABANDONED", "AUTHORIZATION_APPROVED");
        assertThat(jdbc.sql("select state from settlement_outbox where authorization_id = ?").param(authorization)
                .query(String.class).single()).as("the abandonment's reversal, fired, not cancelled")
                .isNotIn("ARMED", "CANCELLED");
    }

    @Test
    void anAnswerToAPaymentAbandonedMeanwhileReleasesItsCouponsAndJournalsWhatWasLearntInOneCommit() {
        Payment refusing = received("T-STEPS-8", "K-STEPS-8", TestCards.fresh(), Instant.now().minusSeconds(60));
        FollowUp refusingReversal = begunAndAbandoned(refusing);
        UUID refusingReservation = UUID.randomUUID();
        // the journal refuses an entry of a payment never recorded: the release, written before it, must go with it
        JournalEntry refused = JournalEntry.payment(UUID.randomUUID(), Instant.now(), JournalStep.COUPON_RESERVED, null, null);

        assertThatThrownBy(() -> steps.finish(refusing, List.of(reserved(refusing, refusingReservation), refused),
                heldAtDiscount(refusing, refusingReversal.authorizationId(), refusingReservation), List.of(refusingReversal)))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(releasesOf(refusingReservation)).as("the release, rolled back with the journal entries").isZero();
        assertThat(steps(refusing)).doesNotContain("COUPON_RESERVED");

        Payment taking = received("T-STEPS-9", "K-STEPS-9", TestCards.fresh(), Instant.now().minusSeconds(60));
        FollowUp takingReversal = begunAndAbandoned(taking);
        UUID takingReservation = UUID.randomUUID();

        PaymentOutcome outcome = steps.finish(taking, List.of(reserved(taking, takingReservation)),
                heldAtDiscount(taking, takingReversal.authorizationId(), takingReservation), List.of(takingReversal));

        assertThat(outcome.result()).isEqualTo(PaymentResult.TIMED_OUT);
        assertThat(releasesOf(takingReservation)).isEqualTo(1);
        assertThat(steps(taking)).containsSubsequence("PAYMENT_ABANDONED", "COUPON_RESERVED");
    }

    /** Records the payment with its full-amount authorization written ahead, and abandons it; gives that reversal. */
    private FollowUp begunAndAbandoned(Payment payment) {
        FollowUp reversal = reversalOf(payment);
        steps.begin(payment, reversal, TRACE);
        steps.abandonOverdue(100);
        return reversal;
    }

    private static JournalEntry reserved(Payment payment, UUID reservation) {
        return JournalEntry.coupons(payment.id(), Instant.now(), JournalStep.COUPON_RESERVED, reservation, List.of("TEN"),
                Money.of(100, "JPY"), null);
    }

    private long releasesOf(UUID reservation) {
        return jdbc.sql("select count(*) from settlement_outbox where reservation_id = ? and action = 'RELEASE_COUPONS'")
                .param(reservation).query(Long.class).single();
    }

    /** An approved payment whose coupons were held ({@code reservation}) for a discounted price never authorized. */
    private static Settlement heldAtDiscount(Payment payment, UUID authorization, UUID reservation) {
        Money discount = Money.of(100, "JPY");
        Money payable = Money.of(900, "JPY");
        PaymentRun run = new PaymentRun(payment, List.of());
        run.fullAmountAnswered(new SentAuthorization(authorization, AuthorizationLeg.FULL_AMOUNT, payment.amount(), TRACE,
                new AuthorizationAnswer.Approved("AB12CD")));
        run.couponsFound(new CouponOffer(true, null, List.of("TEN"), discount, payable, List.of(), Duration.ofMillis(10)));
        run.couponsHeld(new CouponHold.Held(reservation, List.of(new AppliedCoupon("TEN", "10% off", discount)), discount,
                payable));
        return run.settle(Instant.now());
    }

    private Payment received(String transactionId, String key, String card, Instant at) {
        PaymentRequest request = new PaymentRequest(transactionId, MERCHANT, STORE, TILL,
                new PresentedCard(MediumType.CREDIT, PrimaryAccountNumber.parse(card), YearMonth.of(2031, 12)),
                Money.of(1_000, "JPY"), List.of());
        return Payment.receive(request, new IdempotencyKey(key), TERMINAL, tokenizer.tokenize(request.card().medium()),
                null, at, Duration.ofSeconds(30));
    }

    @Test
    void aPaymentChangedSinceItWasReadIsNotWrittenOver() {
        Payment payment = received("T-STEPS-5", "K-STEPS-5", TestCards.fresh(), Instant.now());
        FollowUp reversal = reversalOf(payment);
        steps.begin(payment, reversal, TRACE);
        Payment abandoning = payments.find(payment.id()).orElseThrow();
        Payment answering = payments.find(payment.id()).orElseThrow();

        abandoning.abandon(Instant.now());
        payments.save(abandoning);
        answering.answer(approved(answering, reversal.authorizationId()).outcome());

        assertThatThrownBy(() -> payments.save(answering)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(jdbc.sql("select state from payment where id = ?").param(payment.id()).query(String.class).single())
                .as("the abandonment that won stands").isEqualTo("TIMED_OUT");
    }

    @Test
    void aFollowUpMovedSinceItWasReadIsNotWrittenOver() {
        Payment payment = received("T-STEPS-6", "K-STEPS-6", TestCards.fresh(), Instant.now());
        steps.begin(payment, reversalOf(payment), TRACE);
        FollowUp firing = outbox.ofPayment(payment.id(), FollowUpState.ARMED).get(0);
        FollowUp cancelling = outbox.ofPayment(payment.id(), FollowUpState.ARMED).get(0);

        firing.fire(Instant.now());
        outbox.save(firing);
        cancelling.cancel(Instant.now());

        assertThatThrownBy(() -> outbox.save(cancelling)).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(jdbc.sql("select state from settlement_outbox where id = ?").param(firing.id()).query(String.class).single())
                .as("the fired reversal is not called back").isEqualTo("PENDING");
    }

    @Test
    void ofRacingChangesToOnePaymentAndItsReversalExactlyOneOfEachIsWritten() throws Exception {
        Payment payment = received("T-STEPS-7", "K-STEPS-7", TestCards.fresh(), Instant.now());
        FollowUp reversal = reversalOf(payment);
        steps.begin(payment, reversal, TRACE);
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        AtomicInteger paymentsWritten = new AtomicInteger();
        AtomicInteger reversalsWritten = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(racers);
        List<Future<?>> racing = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            boolean abandons = i % 2 == 0;
            racing.add(threads.submit(() -> {
                Payment copy = payments.find(payment.id()).orElseThrow();
                FollowUp armed = outbox.ofPayment(payment.id(), FollowUpState.ARMED).get(0);
                start.await();
                if (abandons) {
                    copy.abandon(Instant.now());
                    armed.fire(Instant.now());
                } else {
                    copy.answer(approved(copy, reversal.authorizationId()).outcome());
                    armed.cancel(Instant.now());
                }
                if (saved(() -> payments.save(copy))) {
                    paymentsWritten.incrementAndGet();
                }
                if (saved(() -> outbox.save(armed))) {
                    reversalsWritten.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> racer : racing) {
            racer.get(30, TimeUnit.SECONDS);
        }
        threads.shutdown();

        assertThat(paymentsWritten).as("payment saves that won").hasValue(1);
        assertThat(reversalsWritten).as("reversal saves that won").hasValue(1);
        assertThat(jdbc.sql("select state from payment where id = ?").param(payment.id()).query(String.class).single())
                .isIn("TIMED_OUT", "APPROVED");
        assertThat(jdbc.sql("select state from settlement_outbox where id = ?").param(reversal.id()).query(String.class)
                .single()).isIn("PENDING", "CANCELLED");
    }

    /** Whether the save was written; false when it lost the race to another. */
    private static boolean saved(Runnable save) {
        try {
            save.run();
            return true;
        } catch (OptimisticLockingFailureException lost) {
            return false;
        }
    }

    private static FollowUp reversalOf(Payment payment) {
        return FollowUp.reversal(payment.id(), UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT, payment.amount(),
                payment.deadline(), TRACE, "000002");
    }

    private static Settlement approved(Payment payment, UUID authorization) {
        PaymentRun run = new PaymentRun(payment, List.of());
        run.fullAmountAnswered(new SentAuthorization(authorization, AuthorizationLeg.FULL_AMOUNT, payment.amount(), TRACE,
                new AuthorizationAnswer.Approved("AB12CD")));
        run.couponsFound(new CouponOffer(true, null, List.of(), null, null, List.of(), Duration.ofMillis(10)));
        return run.settle(Instant.now());
    }

    private List<String> steps(Payment payment) {
        return jdbc.sql("select step from settlement_journal where payment_id = ? order by id").param(payment.id())
                .query(String.class).list();
    }
}
