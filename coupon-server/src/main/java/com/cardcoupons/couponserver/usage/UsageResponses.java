package com.cardcoupons.couponserver.usage;

import com.cardcoupons.model.money.Money;

import java.time.LocalDate;
import java.util.Currency;
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

    record CampaignUsageResponse(UUID campaignId, UUID merchantId, String title, String state, String timeZone,
                                 LocalDate from, LocalDate to, Figures total, List<DayFigures> byDay,
                                 List<StoreFigures> byStore, List<KeyFigures> byChannel, List<KeyFigures> byMediumType) {

        static CampaignUsageResponse of(CampaignUsage usage) {
            Currency currency = usage.campaign().currency();
            return new CampaignUsageResponse(usage.campaign().id(), usage.campaign().merchantId(), usage.campaign().title(),
                    usage.campaign().state(), usage.campaign().timeZone().getId(), usage.from(), usage.to(),
                    Figures.of(usage.total(), currency),
                    usage.byDay().stream().map(slice -> new DayFigures(slice.key(), Figures.of(slice.figures(), currency))).toList(),
                    usage.byStore().stream().map(slice -> new StoreFigures(slice.storeId(), slice.storeCode(), slice.storeName(),
                            Figures.of(slice.figures(), currency))).toList(),
                    keyed(usage.byChannel(), currency),
                    keyed(usage.byMediumType(), currency));
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
