package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.budget.BudgetCounters;
import com.cardcoupons.couponserver.coupon.CouponUses;
import com.cardcoupons.couponserver.usage.UsageEventType;
import com.cardcoupons.couponserver.usage.UsageLog;
import com.cardcoupons.model.medium.CardToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ends holds nobody confirmed or released in time and gives their coupons and budget back: on a schedule, and at once when a
 * new use finds a coupon held only by run-out holds, so an expired hold never blocks a use.
 */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final Reservations reservations;
    private final RedeemedCoupons redeemedCoupons;
    private final CouponUses uses;
    private final BudgetCounters budgets;
    private final UsageLog usageLog;
    private final TransactionTemplate transactions;
    private final RedemptionProperties properties;
    private final Clock clock;

    HoldExpiry(Reservations reservations, RedeemedCoupons redeemedCoupons, CouponUses uses, BudgetCounters budgets,
            UsageLog usageLog, PlatformTransactionManager transactions, RedemptionProperties properties, Clock clock) {
        this.reservations = reservations;
        this.redeemedCoupons = redeemedCoupons;
        this.uses = uses;
        this.budgets = budgets;
        this.usageLog = usageLog;
        this.transactions = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${coupons.redemption.sweep-interval:PT5S}",
            initialDelayString = "${coupons.redemption.sweep-interval:PT5S}")
    void sweep() {
        int total = expireDue(clock.instant());
        if (total > 0) {
            log.info("expired {} reservations whose hold ran out", total);
        }
    }

    /** Expires the holds run out by {@code now}, in batches, each in its own transaction, until none is left. */
    int expireDue(Instant now) {
        int expired;
        int total = 0;
        do {
            expired = transactions.execute(tx -> {
                List<UUID> due = reservations.dueForExpiry(now, properties.sweepBatch());
                due.forEach(id -> reservations.lock(id).ifPresent(reservation -> expire(reservation, now)));
                return due.size();
            });
            total += expired;
        } while (expired == properties.sweepBatch());
        return total;
    }

    /** In a transaction of its own: expires the run-out holds on these coupons of a card so their uses are free again. */
    void reclaimExpiredHoldsOf(CardToken card, List<UUID> couponIds, Instant now) {
        transactions.executeWithoutResult(tx -> couponIds.stream()
                .flatMap(couponId -> reservations.expiredHoldsOf(card, couponId, now).stream())
                .distinct()
                .forEach(id -> reservations.lock(id).ifPresent(reservation -> expire(reservation, now))));
    }

    private void expire(Reservation reservation, Instant now) {
        List<Redemption> freed = reservation.expire(now);
        if (freed.isEmpty()) {
            return;
        }
        reservations.save(reservation, freed);
        freed.stream().map(Redemption::couponId).sorted().forEach(coupon -> uses.giveBack(coupon, reservation.card()));
        Map<UUID, RedeemedCouponRef> coupons = redeemedCoupons.of(reservation);
        budgets.giveBack(reservation.card(), RedeemedCouponRef.budgetClaims(freed, coupons));
        usageLog.append(now, RedemptionEvents.of(UsageEventType.EXPIRED, reservation, freed, coupons));
    }
}
