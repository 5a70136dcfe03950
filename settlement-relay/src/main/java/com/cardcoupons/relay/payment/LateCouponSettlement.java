package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.outbox.FollowUp;
import com.cardcoupons.relay.outbox.FollowUpAction;
import com.cardcoupons.relay.outbox.FollowUpState;
import com.cardcoupons.relay.outbox.PartialReversals;
import com.cardcoupons.relay.outbox.SettlementOutbox;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Settles a late coupon once its partial reversal has an outcome, in the outbox's commit that records it: the payment
 * shows the discount applied and its armed coupon follow-up becomes a confirmation; or, refused, the discount not
 * applied and the coupons released. Runs inside the caller's transaction, which locked the payment's row before the
 * reversal's ({@link #lockPayment}); locking it again here costs nothing.
 */
@Component
class LateCouponSettlement implements PartialReversals {

    private final Payments payments;
    private final SettlementOutbox outbox;

    LateCouponSettlement(Payments payments, SettlementOutbox outbox) {
        this.payments = payments;
        this.outbox = outbox;
    }

    @Override
    public void lockPayment(UUID paymentId) {
        payments.lock(paymentId).orElseThrow();
    }

    @Override
    public List<JournalEntry> acknowledged(FollowUp reversal, Instant now) {
        Payment payment = payments.lock(reversal.paymentId()).orElseThrow();
        payment.lateCouponApplied(now);
        payments.save(payment);
        List<FollowUp> coupons = armedCoupons(payment);
        coupons.forEach(armed -> armed.confirmCoupons(now));
        outbox.save(coupons);
        return List.of(JournalEntry.payment(payment.id(), now, JournalStep.LATE_COUPON_APPLIED,
                payment.heldAmount().orElseThrow(), "the card holds " + Receipt.format(payment.heldAmount().orElseThrow())));
    }

    @Override
    public List<JournalEntry> refused(FollowUp reversal, Instant now) {
        Payment payment = payments.lock(reversal.paymentId()).orElseThrow();
        payment.lateCouponNotApplied("PARTIAL_REVERSAL_REFUSED", now);
        payments.save(payment);
        List<FollowUp> coupons = armedCoupons(payment);
        coupons.forEach(armed -> armed.fire(now));
        outbox.save(coupons);
        return List.of(JournalEntry.payment(payment.id(), now, JournalStep.LATE_COUPON_NOT_APPLIED, payment.amount(),
                "PARTIAL_REVERSAL_REFUSED"));
    }

    private List<FollowUp> armedCoupons(Payment payment) {
        return outbox.ofPayment(payment.id(), FollowUpState.ARMED).stream()
                .filter(followUp -> followUp.action() != FollowUpAction.REVERSE_AUTHORIZATION).toList();
    }
}
