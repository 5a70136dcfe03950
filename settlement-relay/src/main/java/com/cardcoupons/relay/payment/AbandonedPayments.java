package com.cardcoupons.relay.payment;

import com.cardcoupons.relay.outbox.OutboxDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Finds payments a relay stopped answering (it crashed or was killed mid-flow) once their deadline passes, answers
 * them as timed out, and has everything they armed sent: reversals and coupon releases. This is what makes a crash
 * at any point of a payment cost nothing but time.
 */
@Component
class AbandonedPayments {

    private static final Logger log = LoggerFactory.getLogger(AbandonedPayments.class);
    private static final int BATCH = 50;

    private final PaymentSteps steps;
    private final OutboxDispatcher outbox;

    AbandonedPayments(PaymentSteps steps, OutboxDispatcher outbox) {
        this.steps = steps;
        this.outbox = outbox;
    }

    @Scheduled(fixedDelayString = "${relay.payment.abandonment-check}", initialDelayString = "${relay.payment.abandonment-check}")
    void abandonOverdue() {
        List<UUID> abandoned;
        do {
            abandoned = steps.abandonOverdue(BATCH);
            for (UUID paymentId : abandoned) {
                log.warn("payment {} abandoned past its deadline; its authorizations are being reversed", paymentId);
                outbox.dispatchSoon(paymentId);
            }
        } while (abandoned.size() == BATCH);
    }
}
