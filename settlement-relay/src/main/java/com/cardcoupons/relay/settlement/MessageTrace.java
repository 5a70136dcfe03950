package com.cardcoupons.relay.settlement;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * What identifies one message the relay sends: the card acceptor terminal (field 41) and card acceptor (42) the
 * acquirer knows the till and its merchant by, the system trace audit number (11, unique per terminal per UTC day),
 * the transmission date and time (7), and the retrieval reference number (37). A reversal names the authorization it
 * undoes by the original's STAN and transmission date and time (field 90), so these are kept with the reversal.
 */
public record MessageTrace(String terminal, String merchant, String stan, Instant transmittedAt, String retrievalReference) {

    private static final Pattern TERMINAL = Pattern.compile("[0-9A-Za-z ]{8}");
    private static final Pattern MERCHANT = Pattern.compile("[0-9A-Za-z ]{15}");
    private static final Pattern STAN = Pattern.compile("[0-9]{6}");
    private static final DateTimeFormatter FIELD_7 = DateTimeFormatter.ofPattern("MMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RRN_PREFIX = DateTimeFormatter.ofPattern("yDDDHH").withZone(ZoneOffset.UTC);

    public MessageTrace {
        require(TERMINAL.matcher(terminal).matches(), "field 41 is 8 characters");
        require(MERCHANT.matcher(merchant).matches(), "field 42 is 15 characters");
        require(STAN.matcher(stan).matches() && !stan.equals("000000"), "a STAN is 000001 to 999999");
        require(retrievalReference.length() == 12, "field 37 is 12 characters");
        transmittedAt = transmittedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** A new message of that terminal with that STAN, sent now: its RRN is the year's last digit, the day, the hour and the STAN. */
    public static MessageTrace of(String terminal, String merchant, int stan, Instant now) {
        String number = String.format("%06d", stan);
        String prefix = RRN_PREFIX.format(now);
        return new MessageTrace(terminal, merchant, number, now, prefix.substring(prefix.length() - 6) + number);
    }

    /** Field 7: MMDDhhmmss in UTC. */
    public String transmissionDateTime() {
        return FIELD_7.format(transmittedAt);
    }

    private static void require(boolean condition, String rule) {
        if (!condition) {
            throw new IllegalArgumentException(rule);
        }
    }
}
