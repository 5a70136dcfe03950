package com.cardcoupons.couponserver.budget;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** What a use claims of a budget, when a claim runs it out, and what a standing refuses. */
class CampaignBudgetTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final UUID CAMPAIGN = UUID.randomUUID();
    private static final Instant MONDAY_MORNING = Instant.parse("2026-03-15T15:30:00Z");

    @Test
    void aCampaignWithoutABudgetClaimsNothing() {
        assertThat(CampaignBudget.none(TOKYO).isSet()).isFalse();
        assertThat(CampaignBudget.none(TOKYO).claims(CAMPAIGN, MONDAY_MORNING, 300)).isEmpty();
    }

    @Test
    void aUseClaimsTheCampaignTotalAndEachLimitSetInItsCurrentLocalPeriod() {
        CampaignBudget budget = new CampaignBudget(TOKYO, null, 100, null, 1000, 1, null, null);
        assertThat(budget.claims(CAMPAIGN, MONDAY_MORNING, 300))
                .extracting(BudgetClaim::limit, BudgetClaim::perCard, BudgetClaim::periodStart, BudgetClaim::discountMinor, BudgetClaim::max)
                .containsExactly(
                        tuple(BudgetLimit.TOTAL_DISCOUNT, false, BudgetPeriod.CAMPAIGN_START, 300L, null),
                        tuple(BudgetLimit.USES_PER_DAY, false, LocalDate.of(2026, 3, 16), 300L, 100L),
                        tuple(BudgetLimit.USES_PER_MONTH, false, LocalDate.of(2026, 3, 1), 300L, 1000L),
                        tuple(BudgetLimit.USES_PER_CARD_PER_DAY, true, LocalDate.of(2026, 3, 16), 300L, 1L));
    }

    @Test
    void theLastUseALimitAllowsOrAMoneyRemainderBelowTheUseRunsTheBudgetOut() {
        BudgetClaim daily = new BudgetClaim(BudgetLimit.USES_PER_DAY, CAMPAIGN, LocalDate.of(2026, 3, 16), 300, 10L);
        assertThat(daily.exhaustedBy(9, 2700)).isFalse();
        assertThat(daily.exhaustedBy(10, 3000)).isTrue();
        BudgetClaim money = new BudgetClaim(BudgetLimit.TOTAL_DISCOUNT, CAMPAIGN, BudgetPeriod.CAMPAIGN_START, 300, 1000L);
        assertThat(money.exhaustedBy(2, 600)).as("400 left: another 300 fits").isFalse();
        assertThat(money.exhaustedBy(3, 900)).as("100 left: another 300 does not").isTrue();
        assertThat(money.exhaustedBy(3, 1000)).isTrue();
        BudgetClaim unlimited = new BudgetClaim(BudgetLimit.TOTAL_DISCOUNT, CAMPAIGN, BudgetPeriod.CAMPAIGN_START, 300, null);
        assertThat(unlimited.exhaustedBy(1_000, 300_000)).isFalse();
    }

    @Test
    void aStandingRefusesAUseThatWouldPassALimitNeverCappingIt() {
        CampaignBudget budget = new CampaignBudget(TOKYO, 1000L, 5, null, null, 1, null, null);
        LocalDate today = LocalDate.of(2026, 3, 16);
        BudgetStanding standing = new BudgetStanding(budget, Map.of(
                BudgetLimit.TOTAL_DISCOUNT, new BudgetStanding.Count(BudgetPeriod.TOTAL, BudgetPeriod.CAMPAIGN_START, 4, 800),
                BudgetLimit.USES_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 4, 800),
                BudgetLimit.USES_PER_CARD_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 0, 0)));
        assertThat(standing.reached(200)).isEmpty();
        assertThat(standing.reached(201)).containsExactly(BudgetLimit.TOTAL_DISCOUNT);
        assertThat(standing.remaining(BudgetLimit.TOTAL_DISCOUNT)).isEqualTo(200);
        assertThat(standing.remaining(BudgetLimit.USES_PER_DAY)).isEqualTo(1);
        assertThat(standing.remaining(BudgetLimit.USES_PER_WEEK)).isNull();
        assertThat(standing.spentMinor()).isEqualTo(800);

        BudgetStanding full = new BudgetStanding(budget, Map.of(
                BudgetLimit.TOTAL_DISCOUNT, new BudgetStanding.Count(BudgetPeriod.TOTAL, BudgetPeriod.CAMPAIGN_START, 5, 1000),
                BudgetLimit.USES_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 5, 1000),
                BudgetLimit.USES_PER_CARD_PER_DAY, new BudgetStanding.Count(BudgetPeriod.DAY, today, 1, 0)));
        assertThat(full.reached(0)).containsExactly(BudgetLimit.USES_PER_DAY, BudgetLimit.USES_PER_CARD_PER_DAY);
        assertThat(full.reached(1)).containsExactly(BudgetLimit.TOTAL_DISCOUNT, BudgetLimit.USES_PER_DAY,
                BudgetLimit.USES_PER_CARD_PER_DAY);
    }

    @Test
    void aRefusedUseNamesItsLimitsFromTheStatementsMessage() {
        assertThat(BudgetCounters.shortOf("USES_PER_DAY,TOTAL_DISCOUNT"))
                .containsExactly(BudgetLimit.TOTAL_DISCOUNT, BudgetLimit.USES_PER_DAY);
        assertThat(BudgetLimit.USES_PER_CARD_PER_WEEK.code()).isEqualTo("CARD_WEEKLY_LIMIT_REACHED");
        assertThat(BudgetLimit.TOTAL_DISCOUNT.reason()).isEqualTo("campaign budget exhausted");
    }
}
