package com.cardcoupons.console;

import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The fixed choices of the forms, as the API names them; templates call it as {@code @choices}. */
@Component("choices")
public class Choices {

    private static final List<String> TIME_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.matches("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.+"))
            .sorted().toList();

    private static final List<Map.Entry<String, String>> COUNTRIES = java.util.Arrays.stream(Locale.getISOCountries())
            .map(code -> Map.entry(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder())).toList();

    public List<String> media() {
        return List.of("CREDIT", "DEBIT", "POINT", "MILEAGE");
    }

    public List<String> benefitTypes() {
        return List.of("FREE_ITEM", "EXTRA_POINTS", "EXTRA_MILES", "SERVICE");
    }

    public List<String> keyKinds() {
        return List.of("TERMINAL", "MERCHANT", "APPROVER", "CONSUMER_CHANNEL", "PLATFORM_ADMIN");
    }

    /** IANA region ids (the API refuses fixed offsets, which ignore daylight saving), for a time zone input's list. */
    public List<String> timeZones() {
        return TIME_ZONES;
    }

    /** ISO 3166-1 alpha-2 codes with their English names, by name. */
    public List<Map.Entry<String, String>> countries() {
        return COUNTRIES;
    }

    public List<String> channels() {
        return List.of("MOBILE_APP", "WEB", "DIGITAL_BROADCAST");
    }
}
