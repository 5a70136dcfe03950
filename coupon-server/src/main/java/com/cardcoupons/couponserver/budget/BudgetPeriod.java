package com.cardcoupons.couponserver.budget;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods a budget is counted in, each starting on a local date of the campaign's time zone: a day at local
 * midnight, an ISO week on Monday, a month on its first day. A period runs from its start's first instant in the zone
 * (midnight, or the first moment after a daylight saving gap that skips it) until the next one's, so a day may last 23
 * or 25 hours. The whole campaign is one period, whose start is fixed.
 */
public enum BudgetPeriod {
    TOTAL, DAY, WEEK, MONTH;

    /** The start of the one period of the whole campaign, a fixed date that only stands for "always". */
    public static final LocalDate CAMPAIGN_START = LocalDate.EPOCH;

    /** The local date the period containing {@code at} starts on, in the campaign's time zone. */
    public LocalDate start(Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return switch (this) {
            case TOTAL -> CAMPAIGN_START;
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    /** The first instant of the period that starts on {@code start}; null for the whole campaign. */
    public Instant firstInstant(LocalDate start, ZoneId zone) {
        return this == TOTAL ? null : start.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period that starts on {@code start}; null for the whole campaign. */
    public Instant endInstant(LocalDate start, ZoneId zone) {
        return switch (this) {
            case TOTAL -> null;
            case DAY -> start.plusDays(1).atStartOfDay(zone).toInstant();
            case WEEK -> start.plusWeeks(1).atStartOfDay(zone).toInstant();
            case MONTH -> start.plusMonths(1).atStartOfDay(zone).toInstant();
        };
    }
}
