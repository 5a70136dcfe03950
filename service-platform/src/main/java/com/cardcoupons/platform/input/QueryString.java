package com.cardcoupons.platform.input;

import com.cardcoupons.model.problem.DomainException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a raw query string before anything reads its parameters: every parameter has a name, every
 * percent-encoding is valid UTF-8, and no name is given twice (which value would count is what a proxy and a
 * service could disagree on). Empty chunks ({@code a=1&&b=2}, a trailing {@code &}) are harmless and let through.
 */
final class QueryString {

    /** A name safe to repeat in an answer: it starts with a letter, so it cannot be a card number. */
    private static final Pattern SHOWABLE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private QueryString() {
    }

    static void check(String query) {
        if (query == null || query.isEmpty()) {
            return;
        }
        Set<String> names = new HashSet<>();
        for (String chunk : query.split("&", -1)) {
            if (chunk.isEmpty()) {
                continue;
            }
            int equals = chunk.indexOf('=');
            String name = decode(equals < 0 ? chunk : chunk.substring(0, equals), null);
            if (name.isEmpty()) {
                throw DomainException.invalid("MALFORMED_QUERY", null, "every query parameter needs a name");
            }
            String field = SHOWABLE_NAME.matcher(name).matches() ? name : null;
            if (equals >= 0) {
                String value = decode(chunk.substring(equals + 1), field);
                try {
                    TextPolicy.accept(value);
                } catch (DomainException refused) {
                    throw field == null ? refused : refused.under(field);
                }
            }
            if (!names.add(name)) {
                throw DomainException.invalid("DUPLICATE_PARAMETER", field, "a query parameter may be given once only");
            }
        }
    }

    /** Percent-decodes as UTF-8, {@code +} as a space, refusing a broken escape or byte sequence. */
    private static String decode(String raw, String field) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0 || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw malformed(field);
                }
                bytes.put((byte) ((Character.digit(raw.charAt(i + 1), 16) << 4) | Character.digit(raw.charAt(i + 2), 16)));
                i += 2;
            } else if (c == '+') {
                bytes.put((byte) ' ');
            } else if (c > 0x7F) {
                throw malformed(field);
            } else {
                bytes.put((byte) c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes.flip()).toString();
        } catch (CharacterCodingException e) {
            throw malformed(field);
        }
    }

    private static DomainException malformed(String field) {
        return DomainException.invalid("MALFORMED_QUERY", field, "the query string has an invalid percent-encoding");
    }
}
