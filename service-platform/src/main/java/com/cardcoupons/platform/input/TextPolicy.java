package com.cardcoupons.platform.input;

import com.cardcoupons.model.problem.DomainException;

import java.text.Normalizer;

/**
 * The one Unicode policy of every service, for every text a client sends: text is normalized to NFC (so "é" typed
 * as one code point or as "e" and a combining accent is the same name, the same code, the same key); it may not
 * hold control characters (C0, DEL, C1), unpaired surrogates, noncharacters or bidirectional overrides, which can
 * forge log lines or make a name read differently from what it is; and it has at most {@link #MAX_LENGTH}
 * characters after normalization, unless a field declares a tighter limit.
 */
public final class TextPolicy {

    /** The longest text any field takes, in UTF-16 characters; the longest field (a campaign's description) takes this. */
    public static final int MAX_LENGTH = 2000;

    private TextPolicy() {
    }

    /** The text as the service will use it, or a refusal naming why ({@code TOO_LONG}, {@code INVALID_TEXT}). */
    public static String accept(String text) {
        if (text.length() > MAX_LENGTH * 4) {
            // longer than any normalization could shrink it to: refuse before normalizing
            throw tooLong();
        }
        String normalized = Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        if (normalized.length() > MAX_LENGTH) {
            throw tooLong();
        }
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < normalized.length() && Character.isLowSurrogate(normalized.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, normalized.charAt(++i));
                if ((codePoint & 0xFFFE) == 0xFFFE) {
                    throw invalid();
                }
            } else if (refused(c)) {
                throw invalid();
            }
        }
        return normalized;
    }

    private static boolean refused(char c) {
        return Character.isISOControl(c)
                || Character.isSurrogate(c)
                || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF')
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static DomainException tooLong() {
        return DomainException.invalid("TOO_LONG", null, "a text has at most " + MAX_LENGTH + " characters");
    }

    private static DomainException invalid() {
        return DomainException.invalid("INVALID_TEXT", null,
                "text may not hold control characters, unpaired surrogates, noncharacters or bidirectional overrides");
    }
}
