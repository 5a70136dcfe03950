package com.cardcoupons.model.medium;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything in free text that looks like a card number (12 to 19 digits, optionally grouped by spaces or
 * dashes, passing the Luhn check) down to its last four digits. A safety net for logs: the code never logs a PAN on
 * purpose, but a framework may echo a request line or a malformed body. A UUID is left whole: its dash-grouped digits
 * can pass for a card number (about one random UUID in 300), and a masked correlation id no longer finds
 * the request's other lines.
 */
public final class PanMasker {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<uuid>(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-]))"
                    + "|(?<![0-9])[0-9](?:[ -]?[0-9]){11,18}(?![0-9])");

    private PanMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < 12) {
            return text;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        StringBuilder masked = null;
        int last = 0;
        while (matcher.find()) {
            if (matcher.group("uuid") != null) {
                continue;
            }
            String digits = matcher.group().replace(" ", "").replace("-", "");
            if (digits.length() >= 12 && CardNumber.passesLuhn(digits)) {
                if (masked == null) {
                    masked = new StringBuilder(text.length());
                }
                masked.append(text, last, matcher.start()).append("[PAN ****").append(digits.substring(digits.length() - 4)).append(']');
                last = matcher.end();
            }
        }
        return masked == null ? text : masked.append(text, last, text.length()).toString();
    }
}
