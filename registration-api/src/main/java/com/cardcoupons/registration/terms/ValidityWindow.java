package com.cardcoupons.registration.terms;

import com.cardcoupons.model.problem.DomainException;
import jakarta.persistence.Embeddable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static com.cardcoupons.registration.terms.Checks.required;

/**
 * When coupons of a campaign can be acquired and used: from (inclusive) until (exclusive), as instants, with the
 * campaign's IANA time zone in which the merchant stated them and in which its days are counted.
 */
@Embeddable
public record ValidityWindow(ZoneId zone, Instant from, Instant until) {

    public ValidityWindow {
        required(zone, "timeZone");
        required(from, "validFrom");
        required(until, "validUntil");
        if (!until.isAfter(from)) {
            throw DomainException.invalid("WINDOW_ENDS_BEFORE_START", "validUntil", "validUntil must be after validFrom");
        }
    }

    /**
     * The window the merchant states as local date-times in a time zone. A local time that a daylight saving change
     * skips is moved forward by the gap; one it repeats means its earlier occurrence.
     */
    public static ValidityWindow local(String timeZone, LocalDateTime from, LocalDateTime until) {
        ZoneId zone = zone(timeZone);
        required(from, "validFrom");
        required(until, "validUntil");
        return new ValidityWindow(zone, from.atZone(zone).toInstant(), until.atZone(zone).toInstant());
    }

    /** A region id such as {@code Asia/Tokyo}; fixed offsets are refused because they ignore daylight saving. */
    public static ZoneId zone(String timeZone) {
        required(timeZone, "timeZone");
        if (!ZoneId.getAvailableZoneIds().contains(timeZone)) {
            throw DomainException.invalid("UNKNOWN_TIME_ZONE", "timeZone",
                    "timeZone must be an IANA time zone such as Asia/Tokyo");
        }
        return ZoneId.of(timeZone);
    }

    public boolean hasStarted(Instant now) {
        return !now.isBefore(from);
    }

    public boolean isOver(Instant now) {
        return !now.isBefore(until);
    }

    public boolean contains(Instant instant) {
        return hasStarted(instant) && !isOver(instant);
    }

    public LocalDateTime localFrom() {
        return LocalDateTime.ofInstant(from, zone);
    }

    public LocalDateTime localUntil() {
        return LocalDateTime.ofInstant(until, zone);
    }

    public LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, zone);
    }

    /** A coupon acquired now expires when the window closes, or earlier if it is valid for fewer days. */
    public Instant couponExpiry(Instant acquiredAt, Integer validityDays) {
        if (validityDays == null) {
            return until;
        }
        Instant afterDays = acquiredAt.atZone(zone).plusDays(validityDays).toInstant();
        return afterDays.isBefore(until) ? afterDays : until;
    }
}
