package com.cardcoupons.relay.outbox;

import com.cardcoupons.relay.MdcPropagation;
import com.cardcoupons.relay.coupon.CouponServer;
import com.cardcoupons.relay.coupon.CouponServerRefusal;
import com.cardcoupons.relay.coupon.CouponServerUnavailable;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.ledger.Ledger;
import com.cardcoupons.relay.settlement.CardSettlementCenter;
import com.cardcoupons.relay.settlement.ReversalMessage;
import com.cardcoupons.relay.settlement.ReversalRefused;
import com.cardcoupons.relay.settlement.SettlementCenterNoAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;

/**
 * Sends the follow-ups: right after a payment is answered (its own, at once) and on a timer (any that are due,
 * including retries and those left by a relay that stopped). Each attempt and its result go to the journal. A
 * follow-up not acknowledged is tried again with a growing delay, for as long as it takes; one refused outright is
 * marked failed, for a person to look at.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final SettlementOutbox outbox;
    private final SettlementJournal journal;
    private final Ledger ledger;
    private final CardSettlementCenter settlementCenter;
    private final CouponServer couponServer;
    private final OutboxProperties properties;
    private final ThreadPoolTaskExecutor immediate;

    OutboxDispatcher(SettlementOutbox outbox, SettlementJournal journal, Ledger ledger,
            CardSettlementCenter settlementCenter, CouponServer couponServer, OutboxProperties properties) {
        this.outbox = outbox;
        this.journal = journal;
        this.ledger = ledger;
        this.settlementCenter = settlementCenter;
        this.couponServer = couponServer;
        this.properties = properties;
        this.immediate = new ThreadPoolTaskExecutor();
        this.immediate.setThreadNamePrefix("outbox-");
        this.immediate.setCorePoolSize(4);
        this.immediate.setMaxPoolSize(4);
        this.immediate.setQueueCapacity(1_000);
        this.immediate.setTaskDecorator(new MdcPropagation());
        this.immediate.initialize();
    }

    /** Sends a just-answered payment's follow-ups now, off the request thread; the timer catches any left over. */
    public void dispatchSoon(UUID paymentId) {
        try {
            immediate.execute(() -> dispatch(outbox.claimDue(properties.batchSize(), properties.lease(), paymentId)));
        } catch (RejectedExecutionException busy) {
            log.info("outbox busy; payment {}'s follow-ups go with the next poll", paymentId);
        }
    }

    @Scheduled(fixedDelayString = "${relay.outbox.poll-interval}", initialDelayString = "${relay.outbox.poll-interval}")
    public void dispatchDue() {
        List<FollowUp> due;
        do {
            due = outbox.claimDue(properties.batchSize(), properties.lease(), null);
            dispatch(due);
        } while (due.size() == properties.batchSize());
    }

    private void dispatch(List<FollowUp> followUps) {
        for (FollowUp followUp : followUps) {
            try {
                switch (followUp.action()) {
                    case REVERSE_AUTHORIZATION -> reverse(followUp);
                    case CONFIRM_COUPONS, RELEASE_COUPONS -> settleCoupons(followUp);
                }
            } catch (RuntimeException unexpected) {
                // the lease expires and the follow-up is tried again; nothing is lost
                log.error("follow-up {} of payment {} failed unexpectedly", followUp.id(), followUp.paymentId(), unexpected);
            }
        }
    }

    private void reverse(FollowUp reversal) {
        journal.record(JournalEntry.reversal(reversal.paymentId(), JournalStep.REVERSAL_SENT, reversal.authorizationId(),
                reversal.leg(), reversal.amount(), "attempt " + reversal.attempt()));
        try {
            settlementCenter.reverse(new ReversalMessage(reversal.authorizationId(), reversal.amount()));
            ledger.inTransaction(() -> {
                outbox.done(reversal.id());
                journal.record(JournalEntry.reversal(reversal.paymentId(), JournalStep.REVERSAL_ACKNOWLEDGED,
                        reversal.authorizationId(), reversal.leg(), reversal.amount(), null));
            });
        } catch (SettlementCenterNoAnswer noAnswer) {
            Duration delay = properties.backoff(reversal.attempt());
            ledger.inTransaction(() -> {
                outbox.retryAt(reversal.id(), Instant.now().plus(delay), noAnswer.getMessage());
                journal.record(JournalEntry.reversal(reversal.paymentId(), JournalStep.REVERSAL_FAILED,
                        reversal.authorizationId(), reversal.leg(), reversal.amount(),
                        "not acknowledged; next attempt in " + delay.toMillis() + " ms"));
            });
        } catch (ReversalRefused refused) {
            log.error("reversal of authorization {} refused; it needs attention", reversal.authorizationId(), refused);
            ledger.inTransaction(() -> {
                outbox.failed(reversal.id(), refused.getMessage());
                journal.record(JournalEntry.reversal(reversal.paymentId(), JournalStep.REVERSAL_REFUSED,
                        reversal.authorizationId(), reversal.leg(), reversal.amount(), refused.getMessage()));
            });
        }
    }

    private void settleCoupons(FollowUp followUp) {
        boolean confirm = followUp.action() == FollowUpAction.CONFIRM_COUPONS;
        String key = "settlement-relay:" + followUp.reservationId() + (confirm ? ":confirm" : ":release");
        try {
            if (confirm) {
                couponServer.confirm(followUp.terminal(), key, followUp.reservationId());
            } else {
                couponServer.release(followUp.terminal(), key, followUp.reservationId());
            }
            ledger.inTransaction(() -> {
                outbox.done(followUp.id());
                journal.record(JournalEntry.coupons(followUp.paymentId(),
                        confirm ? JournalStep.COUPON_CONFIRMED : JournalStep.COUPON_RELEASED, followUp.reservationId(),
                        List.of(), null, null));
            });
        } catch (CouponServerUnavailable unavailable) {
            Duration delay = properties.backoff(followUp.attempt());
            ledger.inTransaction(() -> {
                outbox.retryAt(followUp.id(), Instant.now().plus(delay), unavailable.getMessage());
                journal.record(JournalEntry.coupons(followUp.paymentId(),
                        confirm ? JournalStep.COUPON_CONFIRM_FAILED : JournalStep.COUPON_RELEASE_FAILED,
                        followUp.reservationId(), List.of(), null,
                        "coupon-server did not answer; next attempt in " + delay.toMillis() + " ms"));
            });
        } catch (CouponServerRefusal refused) {
            log.error("coupon-server refused to {} reservation {}; it needs attention",
                    confirm ? "confirm" : "release", followUp.reservationId(), refused);
            ledger.inTransaction(() -> {
                outbox.failed(followUp.id(), refused.getMessage());
                journal.record(JournalEntry.coupons(followUp.paymentId(),
                        confirm ? JournalStep.COUPON_CONFIRM_FAILED : JournalStep.COUPON_RELEASE_FAILED,
                        followUp.reservationId(), List.of(), null, "refused for good: " + refused.getMessage()));
            });
        }
    }

    @Override
    public void destroy() {
        immediate.shutdown();
    }
}
