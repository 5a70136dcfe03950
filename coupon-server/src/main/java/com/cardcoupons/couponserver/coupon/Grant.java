package com.cardcoupons.couponserver.coupon;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What a benefit or ticket coupon entitles its holder to, in words for the till and the slip, and its value in the
 * campaign's minor units (zero when it has none), which only ranks coupons and never changes the amount payable.
 */
public record Grant(String text, long valueMinor) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public static Grant benefit(String type, String description, Long valueMinor, Long points) {
        String what = switch (type) {
            case "FREE_ITEM" -> "Free item";
            case "EXTRA_POINTS" -> points == null ? "Extra points" : points + " extra points";
            case "EXTRA_MILES" -> points == null ? "Extra miles" : points + " extra miles";
            default -> "Service";
        };
        return new Grant(description == null || description.isBlank() ? what : what + ": " + description,
                valueMinor == null ? 0 : valueMinor);
    }

    public static Grant ticket(String event, String venue, Instant startsAt, ZoneId zone) {
        StringBuilder text = new StringBuilder("Admission: ").append(event);
        if (venue != null && !venue.isBlank()) {
            text.append(" at ").append(venue);
        }
        if (startsAt != null) {
            text.append(", ").append(WHEN.format(startsAt.atZone(zone))).append(" (").append(zone.getId()).append(')');
        }
        return new Grant(text.toString(), 0);
    }
}
