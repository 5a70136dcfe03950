package com.cardcoupons.relay.payment;

import com.cardcoupons.model.medium.UsageMediumTokenizer;
import com.cardcoupons.model.money.Money;
import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.platform.identity.CallerIdentity;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponHolds;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.coupon.CouponSearch;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.outbox.OutboxDispatcher;
import com.cardcoupons.relay.settlement.AuthorizationAnswer;
import com.cardcoupons.relay.settlement.AuthorizationLeg;
import com.cardcoupons.relay.settlement.AuthorizationMessage;
import com.cardcoupons.relay.settlement.CardSettlementCenter;
import com.cardcoupons.relay.settlement.SettlementCenterNoAnswer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Runs one payment (claims 9 and 19): starts the coupon search and the full-amount authorization at the same moment
 * (the search on its own thread, the authorization on this one); when a usable discount comes back, holds the
 * coupons and authorizes the discounted price; then answers the terminal and leaves the reversal of whatever does
 * not stand, and the coupons' confirmation or release, to the outbox. Each step is journaled before and after it
 * happens; the decisions are {@link Payment}'s.
 */
@Component
class PaymentFlow {

    private static final Logger log = LoggerFactory.getLogger(PaymentFlow.class);
    private static final Duration RETRY_POLL = Duration.ofMillis(50);

    private final Payments payments;
    private final SettlementJournal journal;
    private final CouponSearch couponSearch;
    private final CouponHolds couponHolds;
    private final CardSettlementCenter settlementCenter;
    private final OutboxDispatcher outbox;
    private final UsageMediumTokenizer tokenizer;
    private final PaymentProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    PaymentFlow(Payments payments, SettlementJournal journal, CouponSearch couponSearch, CouponHolds couponHolds,
            CardSettlementCenter settlementCenter, OutboxDispatcher outbox, UsageMediumTokenizer tokenizer,
            PaymentProperties properties, Clock clock, MeterRegistry meters) {
        this.payments = payments;
        this.journal = journal;
        this.couponSearch = couponSearch;
        this.couponHolds = couponHolds;
        this.settlementCenter = settlementCenter;
        this.outbox = outbox;
        this.tokenizer = tokenizer;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    PaymentOutcome pay(CallerIdentity terminal, PaymentRequest request) {
        request.requireSendableBy(terminal);
        Timer.Sample timing = Timer.start(meters);
        Payment payment = Payment.receive(request, terminal, tokenizer.tokenize(request.card().medium()), clock.instant(),
                properties.deadline());
        Optional<PaymentOutcome> earlier;
        try {
            earlier = payments.begin(payment);
        } catch (PaymentInProgress stillRunning) {
            return awaitAnswer(payment);
        }
        if (earlier.isPresent()) {
            return earlier.get();
        }
        PaymentOutcome outcome;
        try {
            outcome = payments.finish(payment, run(payment, request.card()).settle(clock.instant()));
        } catch (PaymentAbandoned abandoned) {
            outcome = payments.find(payment.id()).map(Payments.StoredPayment::outcome).orElseThrow();
        }
        outbox.dispatchSoon(payment.id());
        timing.stop(meters.timer("relay.payments", "result", outcome.result().name(),
                "coupons", outcome.coupon().status().name()));
        log.info("payment {} of transaction {}: {} {} charged {} (coupons {})", payment.id(), payment.transactionId(),
                outcome.result(), outcome.authorizationCode() == null ? "" : outcome.authorizationCode(),
                outcome.chargedAmount(), outcome.coupon().status());
        return outcome;
    }

    /** A retry of a payment another request is still paying: waits for its answer, as a retry with its key would. */
    private PaymentOutcome awaitAnswer(Payment payment) {
        Instant giveUp = clock.instant().plus(properties.retryWait());
        while (clock.instant().isBefore(giveUp)) {
            Optional<PaymentOutcome> answered = payments.findByTransaction(payment.terminal().terminalId(), payment.transactionId())
                    .map(Payments.StoredPayment::outcome);
            if (answered.isPresent()) {
                return answered.get();
            }
            try {
                Thread.sleep(RETRY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new PaymentInProgress();
    }

    private Payment run(Payment payment, PresentedCard card) {
        IntendedUse intendedUse = payment.intendedUse();
        CompletableFuture<CouponOffer> search = couponSearch.start(payment.terminal(), card, intendedUse);
        payment.fullAmountAnswered(authorize(payment, AuthorizationLeg.FULL_AMOUNT, payment.amount(), card));
        CouponOffer offer = search.join();
        journal.record(searched(payment, offer));
        log.debug("coupon search of payment {} answered in {} ms", payment.id(), offer.elapsed().toMillis());
        payment.couponsFound(offer);
        if (!payment.shouldHoldCoupons()) {
            return payment;
        }
        CouponHold hold = couponHolds.hold(payment.terminal(), payment.id(), payment.transactionId(), offer.discountCodes(),
                card, intendedUse);
        if (hold instanceof CouponHold.Held held) {
            if (!payments.couponsHeld(payment, held)) {
                throw new PaymentAbandoned();
            }
        } else if (hold instanceof CouponHold.NotHeld notHeld) {
            journal.record(JournalEntry.coupons(payment.id(), JournalStep.COUPON_RESERVATION_FAILED, null,
                    offer.discountCodes(), null, notHeld.reason() + ": " + notHeld.detail()));
        }
        payment.couponsHeld(hold);
        Optional<Money> discounted = payment.discountedAmount();
        if (discounted.isPresent()) {
            payment.discountedAmountAnswered(authorize(payment, AuthorizationLeg.DISCOUNTED, discounted.get(), card));
        }
        return payment;
    }

    /** Sends one authorization, written ahead with its reversal armed, and journals the answer. */
    private SentAuthorization authorize(Payment payment, AuthorizationLeg leg, Money amount, PresentedCard card) {
        UUID authorizationId = UUID.randomUUID();
        if (!payments.prepareAuthorization(payment, authorizationId, leg, amount)) {
            throw new PaymentAbandoned();
        }
        SentAuthorization sent;
        try {
            AuthorizationAnswer answer = settlementCenter.authorize(new AuthorizationMessage(authorizationId,
                    payment.terminal().merchantId(), payment.terminal().terminalId(), card, amount));
            sent = new SentAuthorization(authorizationId, leg, amount, answer);
        } catch (SettlementCenterNoAnswer noAnswer) {
            log.warn("authorization {} ({}) unanswered: {}", authorizationId, leg, noAnswer.getMessage());
            sent = SentAuthorization.unanswered(authorizationId, leg, amount);
        }
        journal.record(answered(payment, sent));
        return sent;
    }

    private static JournalEntry answered(Payment payment, SentAuthorization sent) {
        if (sent.answer() instanceof AuthorizationAnswer.Approved approved) {
            return JournalEntry.authorization(payment.id(), JournalStep.AUTHORIZATION_APPROVED, sent.authorizationId(),
                    sent.leg(), sent.amount(), approved.authorizationCode(), "00", null);
        }
        if (sent.answer() instanceof AuthorizationAnswer.Declined declined) {
            return JournalEntry.authorization(payment.id(), JournalStep.AUTHORIZATION_DECLINED, sent.authorizationId(),
                    sent.leg(), sent.amount(), null, declined.responseCode(), declined.reason());
        }
        return JournalEntry.authorization(payment.id(), JournalStep.AUTHORIZATION_UNANSWERED, sent.authorizationId(),
                sent.leg(), sent.amount(), null, null, "no answer in time; it may have been approved");
    }

    private static JournalEntry searched(Payment payment, CouponOffer offer) {
        long millis = offer.elapsed().toMillis();
        if (!offer.available()) {
            return JournalEntry.coupons(payment.id(), JournalStep.COUPON_SEARCH_UNAVAILABLE, null, List.of(), null,
                    offer.unavailableReason() + " after " + millis + " ms");
        }
        return JournalEntry.coupons(payment.id(), JournalStep.COUPON_SEARCH_ANSWERED, null, offer.discountCodes(),
                offer.totalDiscount(), (offer.hasDiscount() ? "discount found, payable " + Receipt.format(offer.payable())
                        : "no discount") + ", benefits or tickets: " + offer.benefits().size() + ", in " + millis + " ms");
    }

    /** The payment passed its deadline and was abandoned while this flow still ran; its abandonment stands. */
    private static final class PaymentAbandoned extends RuntimeException {

        PaymentAbandoned() {
            super(null, null, false, false);
        }
    }
}
