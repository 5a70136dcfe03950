package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.budget.BudgetLimit;
import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import com.cardcoupons.model.money.Money;

import java.time.LocalDate;
import java.util.Currency;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The usage API's answers, each converting itself from the report. */
final class UsageResponses {

    private UsageResponses() {
    }

    /** Figures on the wire; the discount granted is money in the campaign's currency, absent when it has none. */
    record Figures(long acquired, long matchedInSearches, long reserved, long used, long released, long expired,
                   long reversed, long cancelled, Money discountGranted) {

        static Figures of(UsageFigures figures, Currency currency) {
            return new Figures(figures.acquired(), figures.matchedInSearches(), figures.reserved(), figures.used(),
                    figures.released(), figures.expired(), figures.reversed(), figures.cancelled(),
                    currency == null ? null : new Money(figures.discountGrantedMinor(), currency));
        }
    }

    record DayFigures(LocalDate day, Figures figures) {
    }

    record StoreFigures(UUID storeId, String storeCode, String storeName, Figures figures) {
    }

    record KeyFigures(String key, Figures figures) {
    }

    /**
     * Where a campaign's budget stands now, holds included: the discount spent and, with a total discount budget, what
     * remains of it; and each campaign-wide limit on uses with the uses taken and left in its current period. The
     * per-card limits are listed with their values only, as they are counted per card.
     */
    record BudgetFigures(Money totalDiscount, Money spent, Money remaining, List<PeriodFigures> periods,
                         Integer usesPerCardPerDay, Integer usesPerCardPerWeek, Integer usesPerCardPerMonth) {

        static BudgetFigures of(BudgetStanding standing, Currency currency) {
            if (standing == null) {
                return null;
            }
            CampaignBudget budget = standing.budget();
            List<PeriodFigures> periods = new ArrayList<>();
            for (BudgetLimit limit : BudgetLimit.values()) {
                Long max = budget.limit(limit);
                BudgetStanding.Count count = standing.counts().get(limit);
                if (!limit.isMoney() && !limit.perCard() && max != null && count != null) {
                    periods.add(new PeriodFigures(limit.period().name(), count.periodStart(), max, count.uses(),
                            standing.remaining(limit)));
                }
            }
            Long total = budget.totalDiscountMinor();
            return new BudgetFigures(money(total, currency), money(standing.spentMinor(), currency),
                    total == null ? null : money(standing.remaining(BudgetLimit.TOTAL_DISCOUNT), currency), periods,
                    budget.usesPerCardPerDay(), budget.usesPerCardPerWeek(), budget.usesPerCardPerMonth());
        }

        private static Money money(Long minor, Currency currency) {
            return minor == null || currency == null ? null : new Money(minor, currency);
        }
    }

    /** A campaign-wide limit on uses in the period now current, which starts on {@code periodStart} (local date). */
    record PeriodFigures(String period, LocalDate periodStart, long limit, long used, long remaining) {
    }

    record CampaignUsageResponse(UUID campaignId, UUID merchantId, String title, String state, String timeZone,
                                 LocalDate from, LocalDate to, Figures total, List<DayFigures> byDay,
                                 List<StoreFigures> byStore, List<KeyFigures> byChannel, List<KeyFigures> byMediumType,
                                 BudgetFigures budget) {

        static CampaignUsageResponse of(CampaignUsage usage) {
            Currency currency = usage.campaign().currency();
            return new CampaignUsageResponse(usage.campaign().id(), usage.campaign().merchantId(), usage.campaign().title(),
                    usage.campaign().state(), usage.campaign().timeZone().getId(), usage.from(), usage.to(),
                    Figures.of(usage.total(), currency),
                    usage.byDay().stream().map(slice -> new DayFigures(slice.key(), Figures.of(slice.figures(), currency))).toList(),
                    usage.byStore().stream().map(slice -> new StoreFigures(slice.storeId(), slice.storeCode(), slice.storeName(),
                            Figures.of(slice.figures(), currency))).toList(),
                    keyed(usage.byChannel(), currency),
                    keyed(usage.byMediumType(), currency),
                    BudgetFigures.of(usage.budget(), currency));
        }

        private static List<KeyFigures> keyed(List<CampaignUsage.Slice<String>> slices, Currency currency) {
            return slices.stream().map(slice -> new KeyFigures(slice.key(), Figures.of(slice.figures(), currency))).toList();
        }
    }

    record CampaignSummary(UUID campaignId, UUID merchantId, String title, String state, Figures total) {

        static CampaignSummary of(UsageReports.CampaignTotals totals) {
            CampaignUsage.Campaign campaign = totals.campaign();
            return new CampaignSummary(campaign.id(), campaign.merchantId(), campaign.title(), campaign.state(),
                    Figures.of(totals.figures(), campaign.currency()));
        }
    }

    record CampaignPage(int page, int size, List<CampaignSummary> campaigns) {
    }
}
