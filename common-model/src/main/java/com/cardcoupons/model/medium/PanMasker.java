package com.cardcoupons.model.medium;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks anything in free text that looks like a card number (12 to 19 digits, written whole or in groups separated
 * by single spaces or dashes, passing the Luhn check) down to its last four digits. Groups are read as cards print
 * them (4-4-4-4, 4-6-5, ...); digits grouped any other way are a card number only when nothing else stands beside
 * them. A safety net for logs: the code
 * never logs a PAN on purpose, but a framework may echo a request line or a malformed body. Only the groups that
 * make up the number are masked, never a number next to it ({@code "4111 1111 1111 1111 200"} keeps its
 * {@code 200}). A UUID is left whole: its dash-grouped digits can
 * pass for a card number (about one random UUID in 300), and a masked correlation id no longer finds the request's
 * other lines.
 */
public final class PanMasker {

    private static final int MIN_DIGITS = 12;
    private static final int MAX_DIGITS = 19;
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<uuid>(?<![0-9A-Za-z-])[0-9A-Fa-f]{8}(?:-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}(?![0-9A-Za-z-]))"
                    + "|(?<![0-9])[0-9]+(?:[ -][0-9]+)*");
    private static final Pattern GROUP = Pattern.compile("[0-9]+");
    /** How card numbers are printed in groups: each group's least and most digits. */
    private static final int[][][] LAYOUTS = {
            {{4, 4}, {4, 4}, {4, 4}, {4, 4}},
            {{4, 4}, {6, 6}, {5, 5}},
            {{4, 4}, {6, 6}, {4, 4}},
            {{4, 4}, {4, 4}, {4, 4}, {4, 4}, {3, 3}},
            {{4, 4}, {4, 4}, {4, 4}, {1, 3}}};

    private PanMasker() {
    }

    public static String mask(String text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return text;
        }
        Matcher matcher = CANDIDATE.matcher(text);
        StringBuilder masked = null;
        int last = 0;
        while (matcher.find()) {
            if (matcher.group("uuid") != null || matcher.end() - matcher.start() < MIN_DIGITS) {
                continue;
            }
            for (int[] span : cardNumbers(text, matcher.start(), matcher.end())) {
                if (masked == null) {
                    masked = new StringBuilder(text.length());
                }
                String digits = text.substring(span[0], span[1]).replace(" ", "").replace("-", "");
                masked.append(text, last, span[0]).append("[PAN ****").append(digits.substring(digits.length() - 4)).append(']');
                last = span[1];
            }
        }
        return masked == null ? text : masked.append(text, last, text.length()).toString();
    }

    /** The start and end of each card number among the digit groups of {@code text[start, end)}, left to right. */
    private static List<int[]> cardNumbers(String text, int start, int end) {
        List<int[]> groups = new ArrayList<>();
        Matcher group = GROUP.matcher(text).region(start, end);
        while (group.find()) {
            groups.add(new int[] {group.start(), group.end()});
        }
        List<int[]> found = new ArrayList<>();
        int first = 0;
        while (first < groups.size()) {
            int lastOfNumber = longestCardNumberFrom(text, groups, first);
            if (lastOfNumber < 0) {
                first++;
            } else {
                found.add(new int[] {groups.get(first)[0], groups.get(lastOfNumber)[1]});
                first = lastOfNumber + 1;
            }
        }
        if (found.isEmpty() && groups.size() > 1) {
            // grouped some other way, and nothing else beside it: the whole run is the number
            String digits = text.substring(start, end).replace(" ", "").replace("-", "");
            if (digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && CardNumber.passesLuhn(digits)) {
                found.add(new int[] {start, end});
            }
        }
        return found;
    }

    /**
     * The last group of the card number that starts at group {@code first}, or -1 when none does: one group of 12 to
     * 19 digits, or groups as card numbers are printed (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3, 4-4-4-1 to 3), tried in
     * that order, so that a number printed after a 16-digit card is not taken for the last group of a 19-digit one.
     */
    private static int longestCardNumberFrom(String text, List<int[]> groups, int first) {
        int[] group = groups.get(first);
        if (group[1] - group[0] >= MIN_DIGITS) {
            return group[1] - group[0] <= MAX_DIGITS && CardNumber.passesLuhn(text.substring(group[0], group[1])) ? first : -1;
        }
        for (int[][] layout : LAYOUTS) {
            if (first + layout.length > groups.size()) {
                continue;
            }
            StringBuilder digits = new StringBuilder(MAX_DIGITS);
            boolean fits = true;
            for (int i = 0; i < layout.length && fits; i++) {
                int[] candidate = groups.get(first + i);
                int length = candidate[1] - candidate[0];
                fits = length >= layout[i][0] && length <= layout[i][1];
                digits.append(text, candidate[0], candidate[1]);
            }
            if (fits && CardNumber.passesLuhn(digits.toString())) {
                return first + layout.length - 1;
            }
        }
        return -1;
    }
}
