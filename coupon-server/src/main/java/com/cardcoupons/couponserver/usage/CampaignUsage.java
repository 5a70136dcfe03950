package com.cardcoupons.couponserver.usage;

import com.cardcoupons.couponserver.budget.BudgetStanding;
import com.cardcoupons.couponserver.budget.CampaignBudget;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A campaign's usage report: the figures in total and broken down by day in the campaign's time zone, by store, by
 * acquisition channel and by medium type; and where its budget stands now, when it has one (null otherwise).
 */
public record CampaignUsage(Campaign campaign, LocalDate from, LocalDate to, UsageFigures total, List<Slice<LocalDate>> byDay,
                            List<StoreSlice> byStore, List<Slice<String>> byChannel, List<Slice<String>> byMediumType,
                            BudgetStanding budget) {

    /**
     * The campaign reported on. {@code currency} is null for a campaign whose terms carry none; {@code budget} is that
     * of its live terms (or latest version before approval), perhaps not set.
     */
    public record Campaign(UUID id, UUID merchantId, String title, String state, ZoneId timeZone, Currency currency,
                           CampaignBudget budget) {
    }

    /** The figures of one day, channel or medium type. */
    public record Slice<K>(K key, UsageFigures figures) {
    }

    /** The figures of the uses at one store. */
    public record StoreSlice(UUID storeId, String storeCode, String storeName, UsageFigures figures) {
    }
}
