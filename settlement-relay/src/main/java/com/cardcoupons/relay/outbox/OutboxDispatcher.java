package com.cardcoupons.relay.outbox;

import com.cardcoupons.platform.correlation.CorrelationId;
import com.cardcoupons.relay.MdcPropagation;
import com.cardcoupons.relay.coupon.CouponServer;
import com.cardcoupons.relay.coupon.CouponServerRefusal;
import com.cardcoupons.relay.coupon.CouponServerUnavailable;
import com.cardcoupons.relay.journal.JournalEntry;
import com.cardcoupons.relay.journal.JournalStep;
import com.cardcoupons.relay.journal.SettlementJournal;
import com.cardcoupons.relay.settlement.CardSettlementCenter;
import com.cardcoupons.relay.settlement.ReversalMessage;
import com.cardcoupons.relay.settlement.ReversalRefused;
import com.cardcoupons.relay.settlement.SettlementCenterNoAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Sends the follow-ups: right after a payment is answered (its own, at once) and on a timer (any that are due,
 * including retries and those left by a relay that stopped). Each attempt and its result go to the journal, the
 * result in one commit with the follow-up's new state. A follow-up not acknowledged is tried again with a growing
 * delay, for as long as it takes; one refused outright is marked failed, for a person to look at. No connection is
 * held while the other side is called.
 */
@Component
public class OutboxDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final SettlementOutbox outbox;
    private final SettlementJournal journal;
    private final CardSettlementCenter settlementCenter;
    private final CouponServer couponServer;
    private final PartialReversals partialReversals;
    private final OutboxProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ThreadPoolTaskExecutor immediate;

    OutboxDispatcher(SettlementOutbox outbox, SettlementJournal journal, CardSettlementCenter settlementCenter,
            CouponServer couponServer, PartialReversals partialReversals, OutboxProperties properties,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.journal = journal;
        this.settlementCenter = settlementCenter;
        this.couponServer = couponServer;
        this.partialReversals = partialReversals;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
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

    /**
     * Sends each follow-up under its payment's correlation id, whichever thread sends it and however late, so its
     * calls and log lines join the payment's; the thread's own correlation id, if any, is restored afterwards.
     */
    private void dispatch(List<FollowUp> followUps) {
        String own = CorrelationId.current();
        try {
            for (FollowUp followUp : followUps) {
                followUp.correlationId().ifPresentOrElse(id -> MDC.put(CorrelationId.MDC_KEY, id),
                        () -> MDC.remove(CorrelationId.MDC_KEY));
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
        } finally {
            if (own == null) {
                MDC.remove(CorrelationId.MDC_KEY);
            } else {
                MDC.put(CorrelationId.MDC_KEY, own);
            }
        }
    }

    private void reverse(FollowUp reversal) {
        try {
            ReversalMessage message = reversal.reversalMessage();
            journal.append(List.of(reversalStep(reversal, JournalStep.REVERSAL_SENT,
                    message.type().messageType() + ", attempt " + reversal.attempt())));
            settlementCenter.reverse(message);
            finish(reversal, sent -> sent.done(clock.instant()), reversalStep(reversal, JournalStep.REVERSAL_ACKNOWLEDGED, null),
                    reversal.partial() ? partialReversals::acknowledged : null);
            if (reversal.partial()) {
                dispatchSoon(reversal.paymentId());
            }
        } catch (SettlementCenterNoAnswer noAnswer) {
            Duration delay = properties.backoff(reversal.attempt());
            finish(reversal, sent -> sent.retryAt(clock.instant().plus(delay), noAnswer.getMessage()),
                    reversalStep(reversal, JournalStep.REVERSAL_FAILED, "not acknowledged; next attempt in " + delay.toMillis() + " ms"));
        } catch (ReversalRefused refused) {
            log.error("reversal of authorization {} refused; it needs attention", reversal.authorizationId(), refused);
            finish(reversal, sent -> sent.failed(refused.getMessage(), clock.instant()),
                    reversalStep(reversal, JournalStep.REVERSAL_REFUSED, refused.getMessage()),
                    reversal.partial() ? partialReversals::refused : null);
            if (reversal.partial()) {
                dispatchSoon(reversal.paymentId());
            }
        }
    }

    private void settleCoupons(FollowUp followUp) {
        boolean confirm = followUp.action() == FollowUpAction.CONFIRM_COUPONS;
        try {
            if (confirm) {
                couponServer.confirm(followUp.terminal(), followUp.paymentId(), followUp.reservationId());
            } else {
                couponServer.release(followUp.terminal(), followUp.paymentId(), followUp.reservationId());
            }
            finish(followUp, sent -> sent.done(clock.instant()),
                    couponStep(followUp, confirm ? JournalStep.COUPON_CONFIRMED : JournalStep.COUPON_RELEASED, null));
        } catch (CouponServerUnavailable unavailable) {
            Duration delay = properties.backoff(followUp.attempt());
            finish(followUp, sent -> sent.retryAt(clock.instant().plus(delay), unavailable.getMessage()),
                    couponStep(followUp, confirm ? JournalStep.COUPON_CONFIRM_FAILED : JournalStep.COUPON_RELEASE_FAILED,
                            "coupon-server did not answer; next attempt in " + delay.toMillis() + " ms"));
        } catch (CouponServerRefusal refused) {
            log.error("coupon-server refused to {} reservation {}; it needs attention",
                    confirm ? "confirm" : "release", followUp.reservationId(), refused);
            finish(followUp, sent -> sent.failed(refused.getMessage(), clock.instant()),
                    couponStep(followUp, confirm ? JournalStep.COUPON_CONFIRM_FAILED : JournalStep.COUPON_RELEASE_FAILED,
                            "refused for good: " + refused.getMessage()));
        }
    }

    /** Records what became of an attempt: the follow-up's new state and its journal entry, in one commit. */
    private void finish(FollowUp followUp, Consumer<FollowUp> move, JournalEntry entry) {
        finish(followUp, move, entry, null);
    }

    /**
     * The same, with what follows from the outcome ({@code then}) in the same commit, journaled after it. What follows
     * changes the payment, whose row is then locked first: payment, then follow-ups, as everywhere.
     */
    private void finish(FollowUp followUp, Consumer<FollowUp> move, JournalEntry entry,
            BiFunction<FollowUp, Instant, List<JournalEntry>> then) {
        transactions.executeWithoutResult(status -> {
            if (then != null) {
                partialReversals.lockPayment(followUp.paymentId());
            }
            FollowUp locked = outbox.lock(followUp.id()).orElseThrow();
            move.accept(locked);
            outbox.save(locked);
            List<JournalEntry> entries = new ArrayList<>(List.of(entry));
            if (then != null) {
                entries.addAll(then.apply(locked, clock.instant()));
            }
            journal.append(entries);
        });
    }

    private JournalEntry reversalStep(FollowUp reversal, JournalStep step, String detail) {
        // a partial reversal's entries carry the amount it leaves authorized
        return JournalEntry.reversal(reversal.paymentId(), clock.instant(), step, reversal.authorizationId(), reversal.leg(),
                reversal.partial() ? reversal.replacement() : reversal.amount(), reversal.stan(),
                reversal.retrievalReference(), detail);
    }

    private JournalEntry couponStep(FollowUp followUp, JournalStep step, String detail) {
        return JournalEntry.coupons(followUp.paymentId(), clock.instant(), step, followUp.reservationId(), List.of(), null,
                detail);
    }

    @Override
    public void destroy() {
        immediate.shutdown();
    }
}
