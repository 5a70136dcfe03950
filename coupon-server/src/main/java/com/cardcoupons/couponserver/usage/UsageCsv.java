package com.cardcoupons.couponserver.usage;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A campaign's usage report as CSV (RFC 4180): one row for the total and one per day, store, channel and medium
 * type. Text cells that a spreadsheet would run as a formula are defused with a leading apostrophe.
 */
final class UsageCsv {

    private static final List<String> HEADER = List.of("breakdown", "key", "store_name", "acquired", "matched_in_searches",
            "reserved", "used", "released", "expired", "reversed", "cancelled", "discount_granted_minor", "currency");

    private UsageCsv() {
    }

    static String of(CampaignUsage usage) {
        String currency = usage.campaign().currency() == null ? "" : usage.campaign().currency().getCurrencyCode();
        StringBuilder csv = new StringBuilder();
        line(csv, HEADER);
        row(csv, "total", "", "", usage.total(), currency);
        usage.byDay().forEach(slice -> row(csv, "day", slice.key().toString(), "", slice.figures(), currency));
        usage.byStore().forEach(slice -> row(csv, "store", slice.storeCode(), slice.storeName(), slice.figures(), currency));
        usage.byChannel().forEach(slice -> row(csv, "channel", slice.key(), "", slice.figures(), currency));
        usage.byMediumType().forEach(slice -> row(csv, "medium_type", slice.key(), "", slice.figures(), currency));
        return csv.toString();
    }

    private static void row(StringBuilder csv, String breakdown, String key, String storeName, UsageFigures figures,
            String currency) {
        List<String> counts = Stream.of(figures.acquired(), figures.matchedInSearches(), figures.reserved(), figures.used(),
                figures.released(), figures.expired(), figures.reversed(), figures.cancelled(),
                figures.discountGrantedMinor()).map(String::valueOf).toList();
        line(csv, Stream.of(Stream.of(breakdown, key, storeName), counts.stream(), Stream.of(currency))
                .flatMap(cells -> cells).toList());
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(UsageCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
