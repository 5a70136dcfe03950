package com.cardcoupons.registration;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Campaign terms as a merchant's client sends them, valid to begin with, changed field by field with dotted paths
 * ({@code discount.basisPoints}) so each test shows only what it breaks.
 */
public final class TermsJson {

    public static final String TOKYO = "Asia/Tokyo";

    private final Map<String, Object> root;

    private TermsJson(Map<String, Object> root) {
        this.root = root;
    }

    /** 10% off, up to 500 yen, on 1,000 yen or more at grocery stores, for 30 days from yesterday, on every medium. */
    public static TermsJson discount() {
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("title", "10% off your groceries");
        terms.put("kind", "DISCOUNT");
        terms.put("currency", "JPY");
        terms.put("discount", map("type", "PERCENTAGE", "basisPoints", 1000, "cap", yen(500)));
        terms.put("timeZone", TOKYO);
        terms.put("validFrom", localInTokyo(-1));
        terms.put("validUntil", localInTokyo(30));
        terms.put("usableMccs", List.of("5411"));
        terms.put("minSpend", yen(1000));
        terms.put("acceptedMedia", List.of("CREDIT", "DEBIT", "POINT", "MILEAGE"));
        terms.put("totalCap", 100);
        terms.put("perCardLimit", 1);
        terms.put("stacking", "STACKABLE");
        return new TermsJson(terms);
    }

    /** 200 extra miles on fresh food, for mileage cards. */
    public static TermsJson benefit() {
        return discount()
                .set("title", "200 extra miles on fresh food")
                .set("kind", "BENEFIT")
                .remove("discount")
                .remove("minSpend")
                .set("benefit", map("type", "EXTRA_MILES", "description", "200 SKYMILES miles", "points", 200))
                .set("productCategories", List.of("FRESH"))
                .set("acceptedMedia", List.of("MILEAGE"));
    }

    /** Admission to a jazz night in ten days, on credit and debit cards. */
    public static TermsJson ticket() {
        return discount()
                .set("title", "Harbor Jazz Night admission")
                .set("kind", "TICKET")
                .remove("discount")
                .remove("minSpend")
                .remove("currency")
                .set("ticket", map("event", "Harbor Jazz Night", "venue", "Harbor Cafe Yokohama", "startsAt", localInTokyo(10)))
                .set("acceptedMedia", List.of("CREDIT", "DEBIT"))
                .set("stacking", "EXCLUSIVE");
    }

    public TermsJson set(String path, Object value) {
        Map<String, Object> parent = parentOf(path);
        parent.put(last(path), value);
        return this;
    }

    public TermsJson remove(String path) {
        parentOf(path).remove(last(path));
        return this;
    }

    public Map<String, Object> json() {
        return root;
    }

    /** The body of a submission of these terms. */
    public Map<String, Object> submission(String shortCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (shortCode != null) {
            body.put("shortCode", shortCode);
        }
        body.put("terms", root);
        return body;
    }

    public static Map<String, Object> yen(long amount) {
        return map("amountMinor", amount, "currency", "JPY");
    }

    /** A local date-time in Tokyo, {@code days} from now, to the minute. */
    public static String localInTokyo(long days) {
        return LocalDateTime.now(ZoneId.of(TOKYO)).plusDays(days).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    public static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> parentOf(String path) {
        Map<String, Object> current = root;
        List<String> parts = new ArrayList<>(List.of(path.split("\\.")));
        parts.remove(parts.size() - 1);
        for (String part : parts) {
            current = (Map<String, Object>) current.computeIfAbsent(part, key -> new LinkedHashMap<>());
        }
        return current;
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
