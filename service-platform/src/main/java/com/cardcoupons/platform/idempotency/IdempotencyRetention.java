package com.cardcoupons.platform.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Duration;

/** Forgets recorded outcomes once no client would still retry, so the table does not grow without bound. */
public class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyRecords records;
    private final Duration retention;

    public IdempotencyRetention(IdempotencyRecords records, Duration retention) {
        this.records = records;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${coupons.idempotency.sweep-interval:PT1H}", initialDelayString = "PT1M")
    void sweep() {
        int forgotten = records.forgetOlderThan(retention);
        if (forgotten > 0) {
            log.info("forgot {} idempotency records older than {}", forgotten, retention);
        }
    }
}
