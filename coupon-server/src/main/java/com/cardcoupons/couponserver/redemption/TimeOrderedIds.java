package com.cardcoupons.couponserver.redemption;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

import java.util.UUID;

/**
 * Ids of the rows every use of coupons adds (reservations, redemptions): UUIDv7, whose leading bits are the time, so
 * each insert lands at the right-hand end of the primary-key index. Random ids would spread the inserts over the whole
 * index, which would then have to stay in memory and, after each checkpoint, have every page it touches written to
 * the WAL in full.
 */
final class TimeOrderedIds {

    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private TimeOrderedIds() {
    }

    static UUID next() {
        return GENERATOR.generate();
    }
}
