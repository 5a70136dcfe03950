package com.cardcoupons.console.merchant;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A store as the operator types it: the address flat, as inputs are. It converts itself to the API's store and
 * back, and names the input an API field is about ({@code address.country} is the country input).
 */
public record StoreForm(String code, String name, String line1, String line2, String city, String region,
                        String postalCode, String country, String timeZone, String mcc, String idempotencyKey) {

    public StoreForm {
        // an input the browser did not send is empty, as one left blank is
        code = trimmed(code);
        name = trimmed(name);
        line1 = trimmed(line1);
        line2 = trimmed(line2);
        city = trimmed(city);
        region = trimmed(region);
        postalCode = trimmed(postalCode);
        country = trimmed(country).toUpperCase(java.util.Locale.ROOT);
        timeZone = trimmed(timeZone);
        mcc = trimmed(mcc);
    }

    static StoreForm blank() {
        return new StoreForm("", "", "", "", "", "", "", "JP", "Asia/Tokyo", "", null);
    }

    @SuppressWarnings("unchecked")
    static StoreForm of(Map<String, Object> store) {
        Map<String, Object> address = store.get("address") instanceof Map<?, ?> given ? (Map<String, Object>) given : Map.of();
        return new StoreForm(text(store.get("code")), text(store.get("name")), text(address.get("line1")),
                text(address.get("line2")), text(address.get("city")), text(address.get("region")),
                text(address.get("postalCode")), text(address.get("country")), text(store.get("timeZone")),
                text(store.get("mcc")), null);
    }

    /** The store as the API takes it: a new one with its code, a replacement without (the code is fixed). */
    Map<String, Object> request(boolean withCode) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("line1", line1);
        putIfGiven(address, "line2", line2);
        address.put("city", city);
        putIfGiven(address, "region", region);
        putIfGiven(address, "postalCode", postalCode);
        address.put("country", country);
        Map<String, Object> store = new LinkedHashMap<>();
        if (withCode) {
            store.put("code", code);
        }
        store.put("name", name);
        store.put("address", address);
        store.put("timeZone", timeZone);
        store.put("mcc", mcc);
        return store;
    }

    /** The input an API field is about: {@code address.line1} is {@code line1}, a missing address its first line. */
    static String inputOf(String field) {
        if (field.equals("address")) {
            return "line1";
        }
        return field.startsWith("address.") ? field.substring("address.".length()) : field;
    }

    private static void putIfGiven(Map<String, Object> map, String name, String value) {
        if (!value.isEmpty()) {
            map.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
