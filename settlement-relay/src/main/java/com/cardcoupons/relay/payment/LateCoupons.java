package com.cardcoupons.relay.payment;

import com.cardcoupons.model.terminal.IntendedUse;
import com.cardcoupons.relay.card.PresentedCard;
import com.cardcoupons.relay.coupon.CouponHold;
import com.cardcoupons.relay.coupon.CouponHolds;
import com.cardcoupons.relay.coupon.CouponOffer;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.outbox.OutboxDispatcher;
import com.cardcoupons.relay.settlement.AcquirerTerminals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A discount that comes after the payment was approved at full price (docs/settlement-relay.md, "Late coupons"): when
 * the coupon search answers after its budget, but within the late-coupon window, with a discount, the coupons are
 * held and, held for the price the search proposed, the approved authorization is lowered to it by a partial
 * reversal, which the outbox sends until acknowledged; the coupons are confirmed once it is, and released otherwise.
 */
@Component
class LateCoupons {

    private static final Logger log = LoggerFactory.getLogger(LateCoupons.class);

    private final PaymentSteps steps;
    private final CouponHolds holds;
    private final OutboxDispatcher outbox;
    private final AcquirerTerminals traces;
    private final PaymentProperties properties;
    private final Clock clock;

    LateCoupons(PaymentSteps steps, CouponHolds holds, OutboxDispatcher outbox, AcquirerTerminals traces,
            PaymentProperties properties, Clock clock) {
        this.steps = steps;
        this.holds = holds;
        this.outbox = outbox;
        this.traces = traces;
        this.properties = properties;
        this.clock = clock;
    }

    /** Waits, off the request, for the late answer of the payment's search; {@code standing} is its approved authorization. */
    void watch(Payment payment, CompletableFuture<CouponOffer> late, SentAuthorization standing, PresentedCard card,
            IntendedUse intendedUse) {
        Instant closes = payment.receivedAt().plus(properties.lateCouponWindow());
        late.thenAccept(offer -> {
            try {
                arrived(payment, offer, standing, card, intendedUse, closes);
            } catch (RuntimeException e) {
                log.error("the late coupon answer of payment {} could not be applied", payment.id(), e);
            }
        });
    }

    private void arrived(Payment payment, CouponOffer offer, SentAuthorization standing, PresentedCard card,
            IntendedUse intendedUse, Instant closes) {
        List<JournalEntry> learnt = new ArrayList<>();
        Instant now = clock.instant();
        learnt.add(JournalEntry.coupons(payment.id(), now, JournalStep.COUPON_SEARCH_ANSWERED, null, offer.discountCodes(),
                offer.totalDiscount(), "late, in " + offer.elapsed().toMillis() + " ms: "
                        + (offer.hasDiscount() ? "discount found, payable " + Receipt.format(offer.payable()) : "no discount")));
        if (!offer.hasDiscount()) {
            steps.journal(learnt);
            return;
        }
        if (now.isAfter(closes)) {
            steps.lateCouponNotApplied(payment, "LATE_COUPON_WINDOW_PASSED", null, learnt);
            return;
        }
        CouponHold hold = holds.hold(payment.terminal(), payment.id(), payment.transactionId(), offer.discountCodes(), card,
                intendedUse);
        if (hold instanceof CouponHold.NotHeld notHeld) {
            learnt.add(JournalEntry.coupons(payment.id(), clock.instant(), JournalStep.COUPON_RESERVATION_FAILED, null,
                    offer.discountCodes(), null, notHeld.reason() + ": " + notHeld.detail()));
            steps.lateCouponNotApplied(payment, notHeld.reason(), null, learnt);
            return;
        }
        CouponHold.Held held = (CouponHold.Held) hold;
        learnt.add(JournalEntry.coupons(payment.id(), clock.instant(), JournalStep.COUPON_RESERVED, held.reservationId(),
                held.codes(), held.totalDiscount(), held.payable() == null ? null : "payable " + Receipt.format(held.payable())));
        if (!offer.payable().equals(held.payable())) {
            steps.lateCouponNotApplied(payment, "DISCOUNT_CHANGED", held.reservationId(), learnt);
        } else if (clock.instant().isAfter(closes)) {
            steps.lateCouponNotApplied(payment, "LATE_COUPON_WINDOW_PASSED", held.reservationId(), learnt);
        } else {
            steps.lateCouponHeld(payment, held, standing, traces.next(payment.terminalId(), payment.merchantId()).stan(), learnt);
        }
        outbox.dispatchSoon(payment.id());
    }
}
