package com.cardcoupons.couponserver.redemption;

import com.cardcoupons.couponserver.coupon.Coupons;
import com.cardcoupons.couponserver.usage.UsageEventType;
import com.cardcoupons.couponserver.usage.UsageEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Ends holds nobody confirmed or released in time and gives their coupons back: on a schedule, and at once when a
 * new use finds a coupon held only by run-out holds, so an expired hold never blocks a use.
 */
@Component
class HoldExpiry {

    private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);

    private final Reservations reservations;
    private final RedeemedCoupons redeemedCoupons;
    private final Coupons coupons;
    private final UsageEvents usageEvents;
    private final TransactionTemplate transactions;
    private final RedemptionProperties properties;
    private final Clock clock;

    HoldExpiry(Reservations reservations, RedeemedCoupons redeemedCoupons, Coupons coupons, UsageEvents usageEvents,
            PlatformTransactionManager transactions, RedemptionProperties properties, Clock clock) {
        this.reservations = reservations;
        this.redeemedCoupons = redeemedCoupons;
        this.coupons = coupons;
        this.usageEvents = usageEvents;
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

    /** In a transaction of its own: expires the run-out holds on these coupons so their uses are free again. */
    void reclaimExpiredHoldsOf(List<UUID> couponIds, Instant now) {
        transactions.executeWithoutResult(tx -> couponIds.stream()
                .flatMap(couponId -> reservations.expiredHoldsOf(couponId, now).stream())
                .distinct()
                .forEach(id -> reservations.lock(id).ifPresent(reservation -> expire(reservation, now))));
    }

    private void expire(Reservation reservation, Instant now) {
        List<Redemption> freed = reservation.expire(now);
        if (freed.isEmpty()) {
            return;
        }
        freed.stream().map(Redemption::couponId).sorted().forEach(coupons::restore);
        usageEvents.saveAll(RedemptionEvents.of(UsageEventType.EXPIRED, reservation, freed, redeemedCoupons.of(reservation)));
    }
}
