package com.cardcoupons.couponserver.budget;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Periods start at local midnight, on the ISO week's Monday and on the 1st, in the campaign's time zone. */
class BudgetPeriodTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aDayIsTheCampaignsLocalDayNotUtcs() {
        Instant lateUtc = Instant.parse("2026-03-09T15:30:00Z");
        assertThat(BudgetPeriod.DAY.start(lateUtc, TOKYO)).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(BudgetPeriod.DAY.start(lateUtc, NEW_YORK)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(BudgetPeriod.DAY.start(Instant.parse("2026-03-09T14:59:59Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(BudgetPeriod.DAY.start(Instant.parse("2026-03-09T15:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aWeekStartsOnMondayAndMayStartInTheYearBefore() {
        // Sunday 2026-03-15 23:59 in Tokyo is still the week of Monday the 9th; a minute later the next week starts
        assertThat(BudgetPeriod.WEEK.start(Instant.parse("2026-03-15T14:59:00Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(BudgetPeriod.WEEK.start(Instant.parse("2026-03-15T15:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 3, 16));
        // Thursday 1 January 2026 belongs to the ISO week that started on Monday 29 December 2025
        assertThat(BudgetPeriod.WEEK.start(Instant.parse("2026-01-01T03:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(BudgetPeriod.WEEK.start(Instant.parse("2026-03-16T00:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 3, 16));
    }

    @Test
    void aMonthStartsOnTheFirstLocally() {
        assertThat(BudgetPeriod.MONTH.start(Instant.parse("2026-02-28T15:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(BudgetPeriod.MONTH.start(Instant.parse("2026-02-28T15:00:00Z"), NEW_YORK)).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(BudgetPeriod.MONTH.start(Instant.parse("2024-02-29T12:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(BudgetPeriod.MONTH.start(Instant.parse("2025-12-31T15:00:00Z"), TOKYO)).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void daylightSavingMakesADayOf23Or25HoursAndKeepsTheLocalDate() {
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        assertThat(Duration.between(BudgetPeriod.DAY.firstInstant(springForward, NEW_YORK),
                BudgetPeriod.DAY.endInstant(springForward, NEW_YORK))).isEqualTo(Duration.ofHours(23));
        LocalDate fallBack = LocalDate.of(2026, 10, 25);
        assertThat(Duration.between(BudgetPeriod.DAY.firstInstant(fallBack, LONDON),
                BudgetPeriod.DAY.endInstant(fallBack, LONDON))).isEqualTo(Duration.ofHours(25));
        // 01:30 happens twice in London on 25 October 2026; both belong to the same local day
        assertThat(BudgetPeriod.DAY.start(Instant.parse("2026-10-25T00:30:00Z"), LONDON)).isEqualTo(fallBack);
        assertThat(BudgetPeriod.DAY.start(Instant.parse("2026-10-25T01:30:00Z"), LONDON)).isEqualTo(fallBack);
        assertThat(BudgetPeriod.DAY.start(Instant.parse("2026-10-25T23:59:59Z"), LONDON)).isEqualTo(fallBack);
        assertThat(BudgetPeriod.DAY.start(Instant.parse("2026-10-26T00:00:00Z"), LONDON)).isEqualTo(fallBack.plusDays(1));
        // the week holding the spring-forward Sunday is an hour short
        LocalDate week = BudgetPeriod.WEEK.start(Instant.parse("2026-03-08T12:00:00Z"), NEW_YORK);
        assertThat(week).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(Duration.between(BudgetPeriod.WEEK.firstInstant(week, NEW_YORK), BudgetPeriod.WEEK.endInstant(week, NEW_YORK)))
                .isEqualTo(Duration.ofDays(7).minusHours(1));
    }

    @Test
    void aDayWhoseMidnightIsSkippedStartsAtItsFirstMoment() {
        // Santiago moves its clocks from 00:00 to 01:00 on 6 September 2026: that day starts at 01:00 local time
        ZoneId santiago = ZoneId.of("America/Santiago");
        LocalDate skipped = LocalDate.of(2026, 9, 6);
        Instant first = BudgetPeriod.DAY.firstInstant(skipped, santiago);
        assertThat(first.atZone(santiago).toLocalTime().getHour()).isEqualTo(1);
        assertThat(BudgetPeriod.DAY.start(first, santiago)).isEqualTo(skipped);
        assertThat(BudgetPeriod.DAY.start(first.minusSeconds(1), santiago)).isEqualTo(skipped.minusDays(1));
    }

    @Test
    void theWholeCampaignIsOnePeriod() {
        assertThat(BudgetPeriod.TOTAL.start(Instant.parse("2031-07-01T00:00:00Z"), TOKYO)).isEqualTo(BudgetPeriod.CAMPAIGN_START);
        assertThat(BudgetPeriod.TOTAL.firstInstant(BudgetPeriod.CAMPAIGN_START, TOKYO)).isNull();
    }
}
