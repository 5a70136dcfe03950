package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.platform.correlation.CorrelationId;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponHolds;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.coupon.CouponSearch;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.OutboxDispatcher;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.AcquirerTerminals;
import com.cardcoupons.relay.settlement.AuthorizationMessage;
import com.cardcoupons.relay.settlement.MessageTrace;
import com.cardcoupons.relay.settlement.CardSettlementCenter;
import com.cardcoupons.relay.settlement.SettlementCenterNoAnswer;
import com.cardcoupons.relay.settlement.SettlementCenterUnavailable;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one payment (claims 9 and 19): starts the coupon search and the full-amount authorization at the same moment
 * (the search on its own thread as the request arrives, the authorization on this one as soon as it is written
 * ahead); when a usable discount comes back, holds the coupons and authorizes the discounted price; then answers the
 * terminal and leaves the reversal of whatever does not stand, and the coupons' confirmation or release, to the
 * outbox. What is sent is written ahead, what comes back is journaled with the next commit ({@link PaymentSteps}),
 * and no database connection is held while a counterpart is called. The decisions are {@link PaymentRun}'s.
 *
 * <p>A payment is its own idempotency: a request its terminal sent before, under the same idempotency key or
 * transaction id, gets the first request's answer, waiting for it while the first is still running.
 */
@Component
class PaymentFlow {

    private static final Logger log = LoggerFactory.getLogger(PaymentFlow.class);
    private static final Duration RETRY_POLL = Duration.ofMillis(50);

    private final PaymentSteps steps;
    private final Payments payments;
    private final CouponSearch couponSearch;
    private final CouponHolds couponHolds;
    private final CardSettlementCenter settlementCenter;
    private final AcquirerTerminals traces;
    private final LateCoupons lateCoupons;
    private final OutboxDispatcher outbox;
    private final UsageMediumTokenizer tokenizer;
    private final PaymentProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentFlow(PaymentSteps steps, Payments payments, CouponSearch couponSearch, CouponHolds couponHolds,
            CardSettlementCenter settlementCenter, AcquirerTerminals traces, LateCoupons lateCoupons, OutboxDispatcher outbox,
            UsageMediumTokenizer tokenizer, PaymentProperties properties, Clock clock, MeterRegistry meters) {
        this.steps = steps;
        this.payments = payments;
        this.couponSearch = couponSearch;
        this.couponHolds = couponHolds;
        this.settlementCenter = settlementCenter;
        this.traces = traces;
        this.lateCoupons = lateCoupons;
        this.outbox = outbox;
        this.tokenizer = tokenizer;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    Answer pay(CallerIdentity terminal, IdempotencyKey key, PaymentRequest request) {
        request.requireSendableBy(terminal);
        if (!settlementCenter.signedOn()) {
            // nothing searched, held or recorded: the terminal may send the same payment again once the link is up
            throw new SettlementCenterUnavailable();
        }
        Timer.Sample timing = Timer.start(meters);
        Payment payment = Payment.receive(request, key, terminal, tokenizer.tokenize(request.card().medium()),
                CorrelationId.current(), clock.instant(), properties.deadline());
        PaymentRun run = new PaymentRun(payment, request.basket());
        // the search writes nothing of the payment's, so it need not wait, as the authorization must, for the commit
        // that writes the authorization ahead; a repeated request's search is only a search the terminal made again
        CouponSearch.Search search = couponSearch.start(payment.terminal(), request.card(), run.intendedUse());
        MessageTrace fullTrace = traces.next(payment.terminalId(), payment.merchantId());
        FollowUp fullReversal = FollowUp.reversal(payment.id(), UUID.randomUUID(), AuthorizationLeg.FULL_AMOUNT,
                payment.amount(), payment.deadline(), fullTrace, traces.next(payment.terminalId(), payment.merchantId()).stan());
        Optional<Payment> earlier = steps.begin(payment, fullReversal, fullTrace);
        if (earlier.isPresent()) {
            return new Answer(awaitAnswer(earlier.get()), true);
        }
        PaymentOutcome outcome;
        try {
            outcome = run(run, search, fullReversal, fullTrace, request.card());
        } catch (PaymentAbandoned abandoned) {
            outcome = payments.find(payment.id()).flatMap(Payment::outcome).orElseThrow();
        }
        timing.stop(meters.timer("relay.payments", "result", outcome.result().name(),
                "coupons", outcome.coupon().status().name()));
        log.info("payment {} of transaction {}: {} {} charged {} (coupons {})", payment.id(), payment.transactionId(),
                outcome.result(), outcome.authorizationCode() == null ? "" : outcome.authorizationCode(),
                outcome.chargedAmount(), outcome.coupon().status());
        return new Answer(outcome, false);
    }

    /**
     * The answer of a payment sent before: at once if it was answered, else once the request still running it
     * answers, polling for it (that request may be running on another relay).
     *
     * @throws PaymentInProgress when it is still running after the retry waited {@code relay.payment.retry-wait}
     */
    private PaymentOutcome awaitAnswer(Payment earlier) {
        Instant giveUp = clock.instant().plus(properties.retryWait());
        Optional<PaymentOutcome> answered = earlier.outcome();
        while (answered.isEmpty() && clock.instant().isBefore(giveUp)) {
            try {
                Thread.sleep(RETRY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            answered = payments.find(earlier.id()).flatMap(Payment::outcome);
        }
        return answered.orElseThrow(PaymentInProgress::new);
    }

    /**
     * The flow after the payment and its full-amount authorization were written ahead, with the coupon search already
     * running, up to its answer. What comes back from the counterparts is journaled with the next commit.
     */
    private PaymentOutcome run(PaymentRun run, CouponSearch.Search search, FollowUp fullReversal,
            MessageTrace fullTrace, PresentedCard card) {
        Payment payment = run.payment();
        IntendedUse intendedUse = run.intendedUse();
        List<JournalEntry> learnt = new ArrayList<>();
        List<FollowUp> armed = new ArrayList<>(List.of(fullReversal));
        SentAuthorization full = send(payment, fullReversal.authorizationId(), AuthorizationLeg.FULL_AMOUNT, payment.amount(),
                fullTrace, card);
        learnt.add(answered(payment, full));
        run.fullAmountAnswered(full);
        CouponOffer offer = search.inBudget().join();
        learnt.add(searched(payment, offer));
        run.couponsFound(offer);
        Optional<Money> discounted = run.discountedAmount();
        if (discounted.isPresent()) {
            // the second leg: the coupons' hold and the authorization at the price the search proposed, at once; the
            // second authorization is written ahead, with its reversal armed, before either goes out
            MessageTrace secondTrace = traces.next(payment.terminalId(), payment.merchantId());
            FollowUp secondReversal = FollowUp.reversal(payment.id(), UUID.randomUUID(), AuthorizationLeg.DISCOUNTED,
                    discounted.get(), payment.deadline(), secondTrace, traces.next(payment.terminalId(), payment.merchantId()).stan());
            if (!steps.writeAhead(payment, learnt, secondReversal, secondTrace)) {
                throw new PaymentAbandoned();
            }
            armed.add(secondReversal);
            UUID second = secondReversal.authorizationId();
            learnt = new ArrayList<>();
            CompletableFuture<CouponHold> holding = couponHolds.start(payment.terminal(), payment.id(),
                    payment.transactionId(), offer.discountCodes(), card, intendedUse);
            SentAuthorization sent = send(payment, second, AuthorizationLeg.DISCOUNTED, discounted.get(), secondTrace, card);
            CouponHold hold = holding.join();
            learnt.add(answered(payment, sent));
            learnt.add(held(payment, offer, hold));
            run.couponsHeld(hold);
            run.discountedAmountAnswered(sent);
        }
        Settlement settlement = run.settle(clock.instant());
        PaymentOutcome outcome = steps.finish(payment, learnt, settlement, armed);
        if (settlement.leavesFollowUps()) {
            outbox.dispatchSoon(payment.id());
        }
        if (payment.takesLateCoupon()) {
            lateCoupons.watch(payment, search.late(), full, card, intendedUse);
        }
        return outcome;
    }

    /** Sends one authorization, already written ahead with its reversal armed; no answer in time counts as none. */
    private SentAuthorization send(Payment payment, UUID authorizationId, AuthorizationLeg leg, Money amount,
            MessageTrace trace, PresentedCard card) {
        try {
            AuthorizationAnswer answer = settlementCenter.authorize(new AuthorizationMessage(authorizationId, trace, card, amount));
            return new SentAuthorization(authorizationId, leg, amount, trace, answer);
        } catch (SettlementCenterNoAnswer noAnswer) {
            log.warn("authorization {} ({}, STAN {}) unanswered: {}", authorizationId, leg, trace.stan(), noAnswer.getMessage());
            return SentAuthorization.unanswered(authorizationId, leg, amount, trace);
        }
    }

    private JournalEntry answered(Payment payment, SentAuthorization sent) {
        Instant now = clock.instant();
        if (sent.answer() instanceof AuthorizationAnswer.Approved approved) {
            return JournalEntry.authorization(payment.id(), now, JournalStep.AUTHORIZATION_APPROVED, sent.authorizationId(),
                    sent.leg(), sent.amount(), sent.trace(), approved.authorizationCode(), "00", null);
        }
        if (sent.answer() instanceof AuthorizationAnswer.Declined declined) {
            return JournalEntry.authorization(payment.id(), now, JournalStep.AUTHORIZATION_DECLINED, sent.authorizationId(),
                    sent.leg(), sent.amount(), sent.trace(), null, declined.responseCode(),
                    declined.outcome() + " " + declined.reason());
        }
        return JournalEntry.authorization(payment.id(), now, JournalStep.AUTHORIZATION_UNANSWERED, sent.authorizationId(),
                sent.leg(), sent.amount(), sent.trace(), null, null, "no usable 0110 in time; it may have been approved");
    }

    private JournalEntry held(Payment payment, CouponOffer offer, CouponHold hold) {
        if (hold instanceof CouponHold.Held held) {
            return JournalEntry.coupons(payment.id(), clock.instant(), JournalStep.COUPON_RESERVED, held.reservationId(),
                    held.codes(), held.totalDiscount(), held.payable() == null ? null : "payable " + Receipt.format(held.payable()));
        }
        CouponHold.NotHeld notHeld = (CouponHold.NotHeld) hold;
        return JournalEntry.coupons(payment.id(), clock.instant(), JournalStep.COUPON_RESERVATION_FAILED, null,
                offer.discountCodes(), null, notHeld.reason() + ": " + notHeld.detail());
    }

    private JournalEntry searched(Payment payment, CouponOffer offer) {
        long millis = offer.elapsed().toMillis();
        if (!offer.available()) {
            return JournalEntry.coupons(payment.id(), clock.instant(), JournalStep.COUPON_SEARCH_UNAVAILABLE, null, List.of(),
                    null, offer.unavailableReason() + " after " + millis + " ms");
        }
        return JournalEntry.coupons(payment.id(), clock.instant(), JournalStep.COUPON_SEARCH_ANSWERED, null, offer.discountCodes(),
                offer.totalDiscount(), (offer.hasDiscount() ? "discount found, payable " + Receipt.format(offer.payable())
                        : "no discount") + ", benefits or tickets: " + offer.benefits().size() + ", in " + millis + " ms");
    }

    /** What the terminal is told, and whether it is the answer to an earlier request that this one repeats. */
    record Answer(PaymentOutcome outcome, boolean replayed) {
    }

    /** The payment passed its deadline and was abandoned while this flow still ran; its abandonment stands. */
    private static final class PaymentAbandoned extends RuntimeException {

        PaymentAbandoned() {
            super(null, null, false, false);
        }
    }
}
