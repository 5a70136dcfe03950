package com.cardcoupons.console.campaign;

import com.cardcoupons.console.chart.BarChart;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A campaign's usage as charts: the funnel (acquired, matched, used, reversed) by day in the campaign's time zone,
 * the discount granted by day, and uses by store, acquisitions by channel and by medium type.
 */
public record UsageDashboard(BarChart funnelByDay, BarChart discountByDay, BarChart byStore, BarChart byChannel, BarChart byMediumType) {

    private static final List<String> FUNNEL = List.of("acquired", "matchedInSearches", "used", "reversed");
    private static final List<String> FUNNEL_NAMES = List.of("acquired", "matched", "used", "reversed");

    @SuppressWarnings("unchecked")
    static UsageDashboard of(Map<String, Object> usage) {
        List<Map<String, Object>> days = (List<Map<String, Object>>) usage.getOrDefault("byDay", List.of());
        List<Map<String, Object>> stores = (List<Map<String, Object>>) usage.getOrDefault("byStore", List.of());
        List<Map<String, Object>> channels = (List<Map<String, Object>>) usage.getOrDefault("byChannel", List.of());
        List<Map<String, Object>> media = (List<Map<String, Object>>) usage.getOrDefault("byMediumType", List.of());
        String zone = String.valueOf(usage.get("timeZone"));
        return new UsageDashboard(
                chart("Acquired, matched, used and reversed by day (" + zone + ")", FUNNEL_NAMES, days, day -> day.get("day"), FUNNEL),
                chart("Discount granted by day, in minor units (" + zone + ")", List.of("discount granted"), days, day -> day.get("day"),
                        List.of("discountGranted")),
                chart("Used, reserved and reversed by store", List.of("used", "reserved", "reversed"), stores,
                        store -> store.get("storeName") == null ? store.get("storeCode") : store.get("storeName"),
                        List.of("used", "reserved", "reversed")),
                chart("Acquired and used by acquisition channel", List.of("acquired", "used"), channels, slice -> slice.get("key"),
                        List.of("acquired", "used")),
                chart("Acquired and used by medium type", List.of("acquired", "used"), media, slice -> slice.get("key"),
                        List.of("acquired", "used")));
    }

    @SuppressWarnings("unchecked")
    private static BarChart chart(String title, List<String> names, List<Map<String, Object>> slices,
            Function<Map<String, Object>, Object> label, List<String> figures) {
        return new BarChart(title, names, slices.stream().map(slice -> {
            Map<String, Object> values = (Map<String, Object>) slice.get("figures");
            return new BarChart.Group(String.valueOf(label.apply(slice)), figures.stream().map(figure -> value(values.get(figure))).toList());
        }).toList());
    }

    private static long value(Object figure) {
        if (figure instanceof Map<?, ?> money) {
            return Long.parseLong(String.valueOf(money.get("amountMinor")));
        }
        return figure == null ? 0 : Long.parseLong(figure.toString());
    }
}
